using System.Globalization;
using AiBench.Core.Errors;

namespace AiBench.Core.Parameters;

/// <summary>
/// Parses the sweep syntax of a parameter value:
/// a single value (<c>8192</c>), a list (<c>bf16,fp16</c>), a geometric range (<c>8..8G*2</c>: from 8 to 8 G
/// multiplying by 2) or an arithmetic range (<c>1024..8192+1024</c>), in <see cref="NumericRange"/>'s grammar.
/// Ranges apply to numeric kinds only, and only written with <c>..</c> (a colon may belong to a text value).
/// </summary>
public static class SweepText
{
    public const int MaxPoints = NumericRange.MaxPoints;

    public static IReadOnlyList<ParameterValue> Expand(ParameterDefinition definition, string text)
    {
        if (!definition.IsSweepable)
        {
            return [definition.Parse(text)];
        }

        var values = new List<ParameterValue>();
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 1 && parts.Any(p => p.Length == 0))
        {
            // 'copy,' or 'a,,b' is a typo, not a list of what is there: a silently dropped item is a case not run.
            throw new BadInputException($"parameter '{definition.Name}': the list '{text}' has an empty item");
        }

        foreach (string part in parts.Where(p => p.Length > 0))
        {
            int dots = part.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0 || definition.Kind is ParameterKind.Text or ParameterKind.Choice or ParameterKind.Boolean)
            {
                values.Add(definition.Parse(part));
                continue;
            }

            values.AddRange(ExpandRange(definition, part));
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

    private static IEnumerable<ParameterValue> ExpandRange(ParameterDefinition definition, string part)
    {
        bool whole = definition.Kind is ParameterKind.Integer or ParameterKind.Size;
        return NumericRange.Parse(definition.Name, part, endpoint => definition.Parse(endpoint).AsDouble())
            .Values(definition.Name, part, whole)
            .Select(ParameterValue.Of);
    }
}
