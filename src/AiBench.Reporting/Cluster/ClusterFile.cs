using System.Text.Json;
using AiBench.Core.Cluster;
using AiBench.Core.Errors;
using AiBench.Core.Results;

namespace AiBench.Reporting.Cluster;

/// <summary>Reads and writes <c>cluster.json</c>. Writes are atomic; reads check the schema id and major version.</summary>
public static class ClusterFile
{
    public const string FileName = "cluster.json";

    public const int SupportedMajorVersion = 1;

    private const string SchemaPrefix = "aibench.cluster/";

    public static string Serialize(ClusterResult result) => JsonSerializer.Serialize(result, ClusterJsonContext.Default.ClusterResult);

    public static void Write(ClusterResult result, string path) =>
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(result, ClusterJsonContext.Default.ClusterResult));

    /// <summary>Reads a cluster result from a <c>cluster.json</c> path or a cluster folder.</summary>
    /// <exception cref="BadInputException">Missing, not JSON, not a cluster result, or a major version this AiBench does not read.</exception>
    public static ClusterResult Read(string path)
    {
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, FileName);
        }

        if (!File.Exists(path))
        {
            throw new BadInputException($"no cluster result found at '{path}'");
        }

        return Parse(AiBench.Core.Files.InputFile.ReadAllText(path), path);
    }

    public static ClusterResult Parse(string json, string origin = "input")
    {
        try
        {
            using (JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false }))
            {
                CheckSchema(document.RootElement, origin);
            }

            ClusterResult result = JsonSerializer.Deserialize(json, ClusterJsonContext.Default.ClusterResult)
                ?? throw new BadInputException($"{origin}: empty cluster document");
            return WithEmptyLists(result);
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{origin}: not a valid AiBench cluster result ({OneLine(e.Message)})");
        }
        catch (FormatException e)
        {
            throw new BadInputException($"{origin}: not a valid AiBench cluster result ({OneLine(e.Message)})");
        }
    }

    private static void CheckSchema(JsonElement root, string origin)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out JsonElement schema)
            || schema.ValueKind != JsonValueKind.String)
        {
            throw new BadInputException($"{origin}: not an AiBench cluster result (no \"schema\" field)");
        }

        string id = schema.GetString()!;
        if (!id.StartsWith(SchemaPrefix, StringComparison.Ordinal))
        {
            throw new BadInputException($"{origin}: schema '{OneLine(id)}' is not an AiBench cluster schema ({ClusterResult.SchemaId})");
        }

        string version = id[SchemaPrefix.Length..];
        if (!int.TryParse(version.Split('.')[0], out int major) || major != SupportedMajorVersion)
        {
            throw new BadInputException(
                $"{origin}: cluster schema version '{OneLine(version)}' is not supported by this AiBench (reads major version {SupportedMajorVersion}); use a newer AiBench");
        }
    }

    /// <summary>
    /// The generated deserialiser leaves an init-only list null when the file omits it (optional in the schema)
    /// instead of keeping its <c>[]</c> default; every reader of the model relies on the default.
    /// </summary>
    private static ClusterResult WithEmptyLists(ClusterResult result) => result with
    {
        Phases = result.Phases ?? [],
        Pairs = result.Pairs ?? [],
        Matrices = result.Matrices ?? [],
        Findings = result.Findings ?? [],
        Nodes = (result.Nodes ?? []).Select(n => n with
        {
            FleetRatios = n.FleetRatios ?? new Dictionary<string, double>(),
            Identity = n.Identity with { GpuUuids = n.Identity.GpuUuids ?? [], Ranks = n.Identity.Ranks ?? [] },
        }).ToList(),
    };

    // The CLI prints a bad-input message as one line; the file's own text must not break it.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
