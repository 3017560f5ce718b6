using System.Text.Json;
using AiBench.Core.Errors;

namespace AiBench.Core.Results;

/// <summary>Reads and writes <c>run.json</c>. Writes are atomic (temp file + rename); reads check the schema version.</summary>
public static class RunFile
{
    public const string FileName = "run.json";

    public const int SupportedMajorVersion = 1;

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

        string text = File.ReadAllText(path);
        return Parse(text, path);
    }

    public static Run Parse(string json, string origin = "input")
    {
        try
        {
            using (JsonDocument document = JsonDocument.Parse(json))
            {
                CheckSchema(document.RootElement, origin);
            }

            return JsonSerializer.Deserialize(json, RunJsonContext.Default.Run)
                ?? throw new BadInputException($"{origin}: empty run document");
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{origin}: not a valid AiBench run ({e.Message})");
        }
    }

    private static void CheckSchema(JsonElement root, string origin)
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
            throw new BadInputException($"{origin}: schema '{id}' is not an AiBench run schema");
        }

        string version = id[prefix.Length..];
        string major = version.Split('.')[0];
        if (!int.TryParse(major, out int majorVersion) || majorVersion != SupportedMajorVersion)
        {
            throw new BadInputException(
                $"{origin}: schema version '{version}' is not supported by this AiBench (reads major version {SupportedMajorVersion}); use a newer AiBench");
        }
    }
}
