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

    /// <summary>The most bytes a marker is read from (a file or an object of that name that is larger is not one).</summary>
    public const int MaxBytes = 4096;

    /// <summary>Whether this marker says its dataset is the one <paramref name="settings"/> ask for, in this format.</summary>
    public bool Describes(DatasetSettings settings) => Format == CurrentFormat && Files == settings.Files && FileBytes == settings.FileBytes;

    public static DatasetMarker? TryRead(string folder)
    {
        string path = Path.Combine(folder, FileName);
        try
        {
            // Through InputFile: a FIFO or device under the marker's name would have blocked or streamed forever.
            return File.Exists(path) ? TryParse(InputFile.ReadAllText(path, MaxBytes)) : null;
        }
        catch (BadInputException)
        {
            return null;
        }
    }

    public static DatasetMarker? TryParse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, DatasetMarkerJsonContext.Default.DatasetMarker);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, DatasetMarkerJsonContext.Default.DatasetMarker);

    public void Write(string folder) => AtomicFile.WriteAllText(Path.Combine(folder, FileName), ToJson());
}

[JsonSerializable(typeof(DatasetMarker))]
internal sealed partial class DatasetMarkerJsonContext : JsonSerializerContext;
