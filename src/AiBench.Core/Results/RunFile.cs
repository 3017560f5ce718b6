using System.Text.Json;
using AiBench.Core.Errors;
using AiBench.Core.Files;

namespace AiBench.Core.Results;

/// <summary>
/// Reads and writes <c>run.json</c>. Writes are atomic (temp file + rename). Reads accept only a bounded regular file
/// and a document that passes <see cref="RunSchema"/>; anything else is one <see cref="BadInputException"/> line
/// naming the file and the field.
/// </summary>
public static class RunFile
{
    public const string FileName = "run.json";

    public const int SupportedMajorVersion = 1;

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    public static void Write(Run run, string path)
    {
        string json = JsonSerializer.Serialize(run, RunJsonContext.Default.Run);
        AtomicFile.WriteAllText(path, json);
    }

    /// <summary>Reads a run from a <c>run.json</c> path or a run folder.</summary>
    public static Run Read(string path)
    {
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, FileName);
        }

        if (!File.Exists(path))
        {
            throw new BadInputException($"no run found at '{path}'");
        }

        return Parse(InputFile.ReadAllText(path), path);
    }

    public static Run Parse(string json, string origin = "input")
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, DocumentOptions);
            CheckSchemaId(document.RootElement, origin);
            if (RunSchema.FirstViolation(document.RootElement) is { } violation)
            {
                throw new BadInputException($"{origin}: not a valid AiBench run: {violation}");
            }

            Run run = document.RootElement.Deserialize(RunReadingJsonContext.Default.Run)
                ?? throw new BadInputException($"{origin}: empty run document");
            return RunDefaults.Fill(run);
        }
        catch (JsonException e)
        {
            string at = e.Path is null ? "" : $"{e.Path}: ";
            throw new BadInputException($"{origin}: not a valid AiBench run: {at}{OneLine(e.Message)}");
        }
    }

    private static void CheckSchemaId(JsonElement root, string origin)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out JsonElement schema)
            || schema.ValueKind != JsonValueKind.String)
        {
            throw new BadInputException($"{origin}: not an AiBench run (no \"schema\" field)");
        }

        string id = schema.GetString()!;
        const string prefix = "aibench.run/";
        if (!id.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new BadInputException($"{origin}: $.schema: '{OneLine(id)}' is not an AiBench run schema");
        }

        string version = id[prefix.Length..];
        string major = version.Split('.')[0];
        if (!int.TryParse(major, out int majorVersion) || majorVersion != SupportedMajorVersion)
        {
            throw new BadInputException(
                $"{origin}: $.schema: version '{OneLine(version)}' is not supported by this AiBench (reads major version {SupportedMajorVersion}); use a newer AiBench");
        }
    }

    // The CLI prints a bad-input message as one line; the file's own text must not break it.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
