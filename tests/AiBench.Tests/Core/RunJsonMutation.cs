using System.Text.Json.Nodes;

namespace AiBench.Tests.Core;

/// <summary>
/// One damage done to a run.json text, chosen by small integers so CsCheck can shrink it: a text edit (truncate,
/// delete, replace or insert a character) or a JSON edit (a value replaced by null, a wrong type or a huge number,
/// a member dropped).
/// </summary>
internal sealed record RunJsonMutation(int File, RunJsonMutation.Kinds Kind, int Position, int Choice)
{
    public enum Kinds { Truncate, DeleteChar, ReplaceChar, InsertChar, ValueToNull, ValueToWrongType, ValueToHugeNumber, DropMember }

    private const string Placeholder = "\u0001raw\u0001";

    private static readonly char[] Characters = ['{', '}', '[', ']', '"', ',', ':', '\\', 'x', '0', '9', '-', '.', 'e', ' ', '\n', '\u0000', '\u00e9'];

    private static readonly JsonNode?[] WrongTypes = ["text", 1, -1, 0.5, true, false, new JsonArray(), new JsonObject(), new JsonArray((JsonNode?)null)];

    private static readonly string[] HugeNumbers = ["1e400", "-1e400", "1e30", "2147483648", "9223372036854775808", "-9223372036854775809", "1.5", "0", "-1", "1e-400"];

    public string Apply(string json)
    {
        int at = json.Length == 0 ? 0 : Position % json.Length;
        char c = Characters[Choice % Characters.Length];
        switch (Kind)
        {
            case Kinds.Truncate:
                return json[..at];
            case Kinds.DeleteChar:
                return json.Length == 0 ? json : json.Remove(at, 1);
            case Kinds.ReplaceChar:
                return json.Length == 0 ? json : json.Remove(at, 1).Insert(at, c.ToString());
            case Kinds.InsertChar:
                return json.Insert(at, c.ToString());
            default:
                return ApplyToValue(json);
        }
    }

    public override string ToString() => $"{Kind} file {File} at {Position} choice {Choice}";

    private string ApplyToValue(string json)
    {
        JsonNode root = JsonNode.Parse(json)!;
        var values = new List<JsonNode>();
        Collect(root, values);
        JsonNode target = values[Position % values.Count];
        JsonNode parent = target.Parent!;
        JsonNode? replacement = Kind switch
        {
            Kinds.ValueToNull => null,
            Kinds.ValueToWrongType => WrongTypes[Choice % WrongTypes.Length]?.DeepClone(),
            _ => Placeholder,
        };
        if (Kind == Kinds.DropMember && parent is JsonObject dropFrom)
        {
            dropFrom.Remove(target.GetPropertyName());
        }
        else if (Kind != Kinds.DropMember)
        {
            target.ReplaceWith(replacement);
        }

        string text = root.ToJsonString();
        return text.Replace($"\"{Placeholder.Replace("\u0001", "\\u0001", StringComparison.Ordinal)}\"", HugeNumbers[Choice % HugeNumbers.Length], StringComparison.Ordinal);
    }

    /// <summary>Every value below the root (the root itself has no parent to replace it in).</summary>
    private static void Collect(JsonNode node, List<JsonNode> values)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (JsonNode? child in children)
        {
            if (child is not null)
            {
                values.Add(child);
                Collect(child, values);
            }
        }
    }
}
