using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// Reads and writes <see cref="Core.Cluster.PairMatrix.Values"/>: an array of rows, each row written compactly on one
/// line (<c>[null, 1.2E10, …]</c>) so a 2,048-node matrix costs megabytes, not a line per cell.
/// </summary>
internal sealed class MatrixRowsConverter : JsonConverter<IReadOnlyList<IReadOnlyList<double?>>>
{
    public override IReadOnlyList<IReadOnlyList<double?>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var rows = new List<IReadOnlyList<double?>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            var row = new List<double?>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                row.Add(reader.TokenType switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.Number => reader.GetDouble(),
                    JsonTokenType.String => double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                    _ => throw new JsonException($"a matrix cell must be a number or null, not {reader.TokenType}"),
                });
            }

            rows.Add(row);
        }

        return rows;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<IReadOnlyList<double?>> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        var row = new ArrayBufferWriter<byte>();
        foreach (IReadOnlyList<double?> cells in value)
        {
            row.ResetWrittenCount();
            using (var compact = new Utf8JsonWriter(row))
            {
                compact.WriteStartArray();
                foreach (double? cell in cells)
                {
                    WriteCell(compact, cell);
                }

                compact.WriteEndArray();
            }

            writer.WriteRawValue(row.WrittenSpan, skipInputValidation: true);
        }

        writer.WriteEndArray();
    }

    // NaN and infinities as run.json writes them (named literals), so the file stays readable by this converter.
    private static void WriteCell(Utf8JsonWriter writer, double? cell)
    {
        if (cell is not { } v)
        {
            writer.WriteNullValue();
        }
        else if (double.IsFinite(v))
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteStringValue(v.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"a pair matrix must be an array of rows (found {reader.TokenType})");
        }
    }
}
