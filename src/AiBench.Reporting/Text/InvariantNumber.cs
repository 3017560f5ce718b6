using System.Globalization;

namespace AiBench.Reporting.Text;

/// <summary>Numbers for machine-read files: round-trippable, invariant culture, no scaling.</summary>
public static class InvariantNumber
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Percent(double fraction, string format = "0.0") =>
        (fraction * 100).ToString(format, CultureInfo.InvariantCulture) + "%";
}
