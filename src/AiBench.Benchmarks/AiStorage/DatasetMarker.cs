using System.Text.Json;
using System.Text.Json.Serialization;
using AiBench.Core.Errors;
using AiBench.Core.Files;
using AiBench.Core.Results;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// The file that says a folder holds a complete AiBench dataset: written last, after every file was written and
/// fsync'ed, so a dataset cut short is never taken for a whole one. The seed rebuilds the content for verifying.
/// </summary>
internal sealed record DatasetMarker(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("fileBytes")] long FileBytes,
    [property: JsonPropertyName("seed")] int Seed)
{
    public const string FileName = "aibench-dataset.json";
    public const string CurrentFormat = "aibench-dataset/2"; // 2: one pattern block per dataset

    public static DatasetMarker? TryRead(string folder)
    {
        string path = Path.Combine(folder, FileName);
        try
        {
            // Through InputFile: a FIFO or device under the marker's name would have blocked or streamed forever.
            return File.Exists(path) ? JsonSerializer.Deserialize(InputFile.ReadAllText(path, 4096), DatasetMarkerJsonContext.Default.DatasetMarker) : null;
        }
        catch (Exception e) when (e is BadInputException or JsonException)
        {
            return null;
        }
    }

    public void Write(string folder) =>
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, DatasetMarkerJsonContext.Default.DatasetMarker));
}

[JsonSerializable(typeof(DatasetMarker))]
internal sealed partial class DatasetMarkerJsonContext : JsonSerializerContext;
