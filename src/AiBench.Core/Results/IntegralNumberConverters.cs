using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiBench.Core.Results;

/// <summary>
/// Reads an integer written with a fraction of zero (<c>20.0</c>, <c>2e1</c>): JSON Schema's <c>integer</c> accepts it,
/// so the loader must too, or a file the published schema passes would fail to load. A real fraction stays an error.
/// </summary>
internal sealed class IntegralInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetInt32(out int value) ? value
        : reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue
            ? (int)d
            : throw new JsonException("not a 32-bit integer");

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <inheritdoc cref="IntegralInt32Converter"/>
internal sealed class IntegralInt64Converter : JsonConverter<long>
{
    // 2^63 as a double; the largest double below it is the largest that converts without overflow.
    private const double Limit = 9223372036854775808.0;

    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetInt64(out long value) ? value
        : reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double d) && d == Math.Floor(d) && d >= -Limit && d < Limit
            ? (long)d
            : throw new JsonException("not a 64-bit integer");

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
