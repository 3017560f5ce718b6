using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;

namespace AiBench.Tests.EndToEnd;

/// <summary>Checks a run.json a CLI run wrote against the published schema (docs/schema), naming every violation.</summary>
internal static class RunJson
{
    public static void AssertValid(JsonNode run)
    {
        EvaluationResults validation = PublishedSchema.Load("aibench.run-1.schema.json")
            .Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(run), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(validation.IsValid, string.Join("\n", (validation.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }
}
