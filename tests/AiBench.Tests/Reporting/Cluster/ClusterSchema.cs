using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;

namespace AiBench.Tests.Reporting.Cluster;

/// <summary>Checks a cluster.json against the published schema (docs/schema/aibench.cluster-1.schema.json), naming every violation.</summary>
internal static class ClusterSchema
{
    public static void AssertValid(JsonNode cluster)
    {
        EvaluationResults validation = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "docs", "schema", "aibench.cluster-1.schema.json"))
            .Evaluate(cluster, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(validation.IsValid, string.Join("\n", validation.Details.Where(d => d.HasErrors)
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }
}
