using System.Globalization;
using AiBench.Core.Errors;

namespace AiBench.Core.Parameters;

/// <summary>
/// Parses the sweep syntax of a parameter value:
/// a single value (<c>8192</c>), a list (<c>bf16,fp16</c>), a geometric range (<c>8..8G*2</c>: from 8 to 8 G
/// multiplying by 2) or an arithmetic range (<c>1024..8192+1024</c>). Ranges apply to numeric kinds only.
/// </summary>
public static class SweepText
{
    public const int MaxPoints = 4096;

    public static IReadOnlyList<ParameterValue> Expand(ParameterDefinition definition, string text)
    {
        if (!definition.IsSweepable)
        {
            return [definition.Parse(text)];
        }

        var values = new List<ParameterValue>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dots = part.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0 || definition.Kind is ParameterKind.Text or ParameterKind.Choice or ParameterKind.Boolean)
            {
                values.Add(definition.Parse(part));
                continue;
            }

            values.AddRange(ExpandRange(definition, part, dots));
            if (values.Count > MaxPoints)
            {
                throw new BadInputException($"parameter '{definition.Name}': the sweep has more than {MaxPoints} values");
            }
        }

        if (values.Count == 0)
        {
            throw new BadInputException($"parameter '{definition.Name}': empty value");
        }

        RefuseRepeats(definition, text, values);
        return values;
    }

    /// <summary>A value swept twice would be measured twice under one key: refused rather than silently collapsed.</summary>
    private static void RefuseRepeats(ParameterDefinition definition, string text, List<ParameterValue> values)
    {
        var seen = new HashSet<ParameterValue>();
        foreach (ParameterValue value in values)
        {
            if (!seen.Add(value))
            {
                throw new BadInputException(
                    $"parameter '{definition.Name}': the sweep '{text}' has the value {value} twice (after rounding, for ranges)");
            }
        }
    }

    private static List<ParameterValue> ExpandRange(ParameterDefinition definition, string part, int dots)
    {
        string rest = part[(dots + 2)..];
        int opAt = rest.IndexOfAny(['*', '+']);
        if (opAt < 0)
        {
            throw new BadInputException(
                $"parameter '{definition.Name}': range '{part}' needs a step, e.g. '8..8G*2' or '1024..8192+1024'");
        }

        double from = definition.Parse(part[..dots]).AsDouble();
        double to = definition.Parse(rest[..opAt]).AsDouble();
        bool geometric = rest[opAt] == '*';
        if (!double.TryParse(rest[(opAt + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double step)
            || !double.IsFinite(step) || (geometric ? step <= 1 : step <= 0))
        {
            throw new BadInputException(
                $"parameter '{definition.Name}': range step in '{part}' must be {(geometric ? "a factor above 1" : "positive")}");
        }

        if (to < from)
        {
            throw new BadInputException($"parameter '{definition.Name}': range '{part}' ends before it starts");
        }

        if (geometric && from <= 0)
        {
            throw new BadInputException($"parameter '{definition.Name}': a geometric range must start above 0");
        }

        var values = new List<ParameterValue>();
        bool whole = definition.Kind is ParameterKind.Integer or ParameterKind.Size;
        for (double v = from; v <= to * (1 + 1e-12); v = geometric ? v * step : v + step)
        {
            if (values.Count == MaxPoints)
            {
                throw new BadInputException($"parameter '{definition.Name}': range '{part}' has more than {MaxPoints} points");
            }

            // The tolerance that lets a float range reach its end must not round a whole point past it.
            values.Add(ParameterValue.Of(whole ? Math.Min(Math.Round(v), to) : Math.Min(v, to)));
        }

        return values;
    }
}
