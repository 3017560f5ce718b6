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
        }

        if (values.Count == 0)
        {
            throw new BadInputException($"parameter '{definition.Name}': empty value");
        }

        return values;
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
            || (geometric ? step <= 1 : step <= 0))
        {
            throw new BadInputException(
                $"parameter '{definition.Name}': range step in '{part}' must be {(geometric ? "a factor above 1" : "positive")}");
        }

        if (to < from)
        {
            throw new BadInputException($"parameter '{definition.Name}': range '{part}' ends before it starts");
        }

        var values = new List<ParameterValue>();
        for (double v = from; v <= to * (1 + 1e-12); v = geometric ? v * step : v + step)
        {
            if (values.Count == MaxPoints)
            {
                throw new BadInputException($"parameter '{definition.Name}': range '{part}' has more than {MaxPoints} points");
            }

            values.Add(ParameterValue.Of(definition.Kind == ParameterKind.Number ? v : Math.Round(v)));
            if (geometric && from <= 0)
            {
                throw new BadInputException($"parameter '{definition.Name}': a geometric range must start above 0");
            }
        }

        return values;
    }
}
