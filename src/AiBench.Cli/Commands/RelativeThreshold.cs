using System.Globalization;
using AiBench.Core.Errors;
using AiBench.Core.Units;

namespace AiBench.Cli.Commands;

/// <summary>A relative threshold option (<c>5%</c> or <c>0.05</c>): strictly between 0 and 100%, else bad input.</summary>
internal static class RelativeThreshold
{
    public static string DefaultText => Format(Core.Comparing.RunComparer.DefaultThreshold);

    public static double Parse(string text, string option)
    {
        Quantity q;
        try
        {
            q = Quantity.Parse(text);
        }
        catch (FormatException e)
        {
            throw new BadInputException($"{option}: {e.Message}");
        }

        return q.Unit is null or Unit.Ratio && q.Value is > 0 and < 1
            ? q.Value
            : throw new BadInputException($"{option} '{text}' must be a percentage above 0% and below 100% (e.g. 5%)");
    }

    public static string Format(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
