using System.Text.Json;

namespace AiBench.Core.Results;

/// <summary>
/// Finds a JSON number outside ±7.9e28 (the decimal range). The schema library compares numbers as decimals and
/// fails on larger ones, and no figure AiBench writes comes near, so such a number is refused before validation.
/// </summary>
internal static class JsonNumberRange
{
    /// <summary>The path of the first out-of-range number and the number, or null when all fit.</summary>
    public static string? FirstOutOfRange(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return element.TryGetDecimal(out _) || element.TryGetInt64(out _) ? null : $"{path}: number {element.GetRawText()} is out of range";
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    string name = property.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $".{property.Name}" : $"['{property.Name}']";
                    if (FirstOutOfRange(property.Value, path + name) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (FirstOutOfRange(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
