using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;

namespace AiBench.Tests.Reporting.Cluster;

/// <summary>Checks a cluster.json against the published schema (docs/schema/aibench.cluster-1.schema.json), naming every violation.</summary>
internal static class ClusterSchema
{
    public static void AssertValid(JsonNode cluster)
    {
        EvaluationResults validation = PublishedSchema.Load("aibench.cluster-1.schema.json")
            .Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(cluster), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(validation.IsValid, string.Join("\n", (validation.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }
}
