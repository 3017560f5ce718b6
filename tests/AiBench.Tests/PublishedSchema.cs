using Json.Schema;

namespace AiBench.Tests;

/// <summary>
/// A schema under docs/schema, built with a registry of its own: JsonSchema.Net's global registry refuses a second
/// schema with the same $id, and the tests load each published schema many times (AiBench.Core embeds the run schema too).
/// </summary>
internal static class PublishedSchema
{
    public static JsonSchema Load(string fileName) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "schema", fileName)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
}
