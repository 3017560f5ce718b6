using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;

namespace AiBench.Tests.EndToEnd;

/// <summary>Checks a run.json a CLI run wrote against the published schema (docs/schema), naming every violation.</summary>
internal static class RunJson
{
    public static void AssertValid(JsonNode run)
    {
        EvaluationResults validation = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "docs", "schema", "aibench.run-1.schema.json"))
            .Evaluate(run, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(validation.IsValid, string.Join("\n", validation.Details.Where(d => d.HasErrors)
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }
}
