using System.Text.Json;
using Json.Schema;
using Xunit;

namespace AiBench.Tests;

/// <summary>
/// A schema under docs/schema, built with a registry of its own: JsonSchema.Net's global registry refuses a second
/// schema with the same $id, and the tests load each published schema many times (AiBench.Core embeds the run schema too).
/// The other published schemas go into that registry first, so a reference between them (gate and history use
/// compare's definitions) resolves by its $id, as it would for a reader holding the whole folder.
/// </summary>
internal static class PublishedSchema
{
    private static string Folder => Path.Combine(RepoPaths.Root, "docs", "schema");

    public static JsonSchema Load(string fileName)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        foreach (string other in Directory.GetFiles(Folder, "*.schema.json").Where(f => Path.GetFileName(f) != fileName).Order(StringComparer.Ordinal))
        {
            JsonSchema.FromText(File.ReadAllText(other), options);
        }

        return JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, fileName)), options);
    }

    /// <summary>Fails with every error's location when <paramref name="json"/> does not match the schema.</summary>
    public static void AssertValid(string fileName, string json)
    {
        EvaluationResults validation = Load(fileName).Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(validation.IsValid, string.Join("\n", (validation.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }
}
