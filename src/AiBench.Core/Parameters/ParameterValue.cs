using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiBench.Core.Parameters;

/// <summary>
/// A parsed parameter value: a number (integers, sizes in bytes, durations in seconds) or text.
/// Serialised as a bare JSON number, string or boolean so result files read naturally.
/// </summary>
[JsonConverter(typeof(ParameterValueJsonConverter))]
public readonly record struct ParameterValue
{
    private ParameterValue(double? number, string? text, bool? flag)
    {
        Number = number;
        Text = text;
        Flag = flag;
    }

    public double? Number { get; }

    public string? Text { get; }

    public bool? Flag { get; }

    public bool IsNumber => Number.HasValue;

    public static ParameterValue Of(double number) => new(number, null, null);

    public static ParameterValue Of(string text) => new(null, text, null);

    public static ParameterValue Of(bool flag) => new(null, null, flag);

    public long AsInt64() =>
        Number is { } n ? checked((long)n) : throw new InvalidOperationException($"'{this}' is not a number");

    public int AsInt32() => checked((int)AsInt64());

    public double AsDouble() =>
        Number ?? throw new InvalidOperationException($"'{this}' is not a number");

    public bool AsBoolean() =>
        Flag ?? throw new InvalidOperationException($"'{this}' is not a boolean");

    public string AsText() => Text ?? ToString();

    public override string ToString() =>
        Number is { } n ? n.ToString("R", CultureInfo.InvariantCulture)
        : Flag is { } f ? (f ? "true" : "false")
        : Text ?? string.Empty;
}

internal sealed class ParameterValueJsonConverter : JsonConverter<ParameterValue>
{
    public override ParameterValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => ParameterValue.Of(reader.GetDouble()),
            JsonTokenType.String => ParameterValue.Of(reader.GetString()!),
            JsonTokenType.True => ParameterValue.Of(true),
            JsonTokenType.False => ParameterValue.Of(false),
            _ => throw new JsonException($"a parameter value must be a number, string or boolean, not {reader.TokenType}"),
        };

    public override void Write(Utf8JsonWriter writer, ParameterValue value, JsonSerializerOptions options)
    {
        if (value.Number is { } n)
        {
            writer.WriteNumberValue(n);
        }
        else if (value.Flag is { } f)
        {
            writer.WriteBooleanValue(f);
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}
