using System.Globalization;
using AiBench.Core.Errors;

namespace AiBench.Core.Parameters;

/// <summary>
/// The one range grammar of parameter values: <c>from..to+step</c> (arithmetic), <c>from..to*factor</c> (geometric),
/// and <c>from:to:step</c>, the arithmetic range in the order mamf-finder's <c>--m_range</c> takes it. Endpoints (and
/// an arithmetic step) are read by the caller's parser, so a range of sizes can say <c>8..8G*2</c> or <c>4k:8k:4k</c>.
/// Used by sweeps (<see cref="SweepText"/>: each value its own case) and by grids inside one case (gpu.matmul's
/// <c>m_range</c>).
/// </summary>
public sealed record NumericRange(double From, double To, double Step, bool Geometric)
{
    public const int MaxPoints = 4096;

    /// <summary>Whether <paramref name="text"/> is written as a range rather than a single value.</summary>
    public static bool IsRange(string text) => text.Contains("..", StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal);

    /// <summary>Reads a range; <paramref name="endpoint"/> reads each endpoint and throws <see cref="BadInputException"/> for a bad one.</summary>
    public static NumericRange Parse(string parameter, string text, Func<string, double> endpoint)
    {
        string from, to, step;
        bool geometric;
        int dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0)
        {
            string rest = text[(dots + 2)..];
            int opAt = rest.IndexOfAny(['*', '+']);
            if (opAt < 0)
            {
                throw Bad(parameter, text, "needs a step, e.g. '8..8G*2' or '1024..8192+1024'");
            }

            (from, to, step, geometric) = (text[..dots], rest[..opAt], rest[(opAt + 1)..], rest[opAt] == '*');
        }
        else
        {
            string[] parts = text.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 3)
            {
                throw Bad(parameter, text, "is not 'from..to+step', 'from..to*factor' or 'from:to:step'");
            }

            (from, to, step, geometric) = (parts[0], parts[1], parts[2], false);
        }

        // A factor is a plain number; an arithmetic step may carry the parameter's unit (1k..3k+1k).
        double stepValue = PlainNumber(step);
        if (!geometric && !double.IsFinite(stepValue))
        {
            stepValue = endpoint(step);
        }

        if (!double.IsFinite(stepValue) || (geometric ? stepValue <= 1 : stepValue <= 0))
        {
            throw Bad(parameter, text, $"has a step that must be {(geometric ? "a factor above 1" : "positive")}");
        }

        return new NumericRange(endpoint(from), endpoint(to), stepValue, geometric);
    }

    /// <summary>
    /// The values from <see cref="From"/> up to <see cref="To"/>, with it when <paramref name="includeEnd"/> (a sweep)
    /// or without it as <c>np.arange</c> (mamf-finder); whole values are rounded and never pass the end.
    /// </summary>
    public IReadOnlyList<double> Values(string parameter, string text, bool whole, bool includeEnd = true)
    {
        if (To < From)
        {
            throw Bad(parameter, text, "ends before it starts");
        }

        if (Geometric && From <= 0)
        {
            throw Bad(parameter, text, "is geometric and must start above 0");
        }

        // The tolerance lets a float range reach (or stop short of) its end; it must not round a whole point past it.
        double tolerance = Math.Abs(To) * 1e-12;
        var values = new List<double>();
        for (double v = From; includeEnd ? v <= To + tolerance : v < To - tolerance; v = Geometric ? v * Step : v + Step)
        {
            if (values.Count == MaxPoints)
            {
                throw Bad(parameter, text, $"has more than {MaxPoints} points");
            }

            values.Add(whole ? Math.Min(Math.Round(v), To) : Math.Min(v, To));
        }

        return values.Count > 0
            ? values
            : throw Bad(parameter, text, includeEnd ? "has no values" : "has no values (its end is excluded, as np.arange)");
    }

    private static double PlainNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : double.NaN;

    private static BadInputException Bad(string parameter, string text, string why) =>
        new($"parameter '{parameter}': range '{text}' {why}");
}
