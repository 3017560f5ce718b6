using System.Reflection;
using System.Text.Json;
using Json.Schema;

namespace AiBench.Core.Results;

/// <summary>
/// The published run.json schema (docs/schema/aibench.run-1.schema.json, embedded in this assembly). Every run read
/// back is checked against it before it is deserialised, so a reader meets either a whole run or one error naming
/// the field; the schema and the loader agree by test.
/// </summary>
public static class RunSchema
{
    public const string ResourceName = "aibench.run-1.schema.json";

    private static readonly JsonSchema Schema = Load();

    /// <summary>The first violation as <c>$.path: message</c>, the most specific location first; null when the document conforms.</summary>
    public static string? FirstViolation(JsonElement document)
    {
        if (JsonNumberRange.FirstOutOfRange(document) is { } outOfRange)
        {
            return outOfRange;
        }

        // A pass/fail evaluation first: it stops at the first failure and builds no result tree, which is what keeps
        // reading a run cheap; only a document that fails is evaluated again in full to name the field.
        if (Schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true }).IsValid)
        {
            return null;
        }

        EvaluationResults results = Schema.Evaluate(document, new EvaluationOptions
        {
            OutputFormat = OutputFormat.Hierarchical,
            RequireFormatValidation = true,
        });
        if (results.IsValid)
        {
            return null;
        }

        // The deepest failing location names the field; its parents only fail because it does.
        EvaluationResults? deepest = Failures(results).OrderByDescending(d => d.InstanceLocation.SegmentCount).FirstOrDefault();
        return deepest is null
            ? "$: does not match the run schema"
            : $"{JsonLocation.FromPointer(deepest.InstanceLocation.ToString())}: {string.Join("; ", deepest.Errors!.Values)}".ReplaceLineEndings(" ");
    }

    /// <summary>
    /// The failing results with an error of their own, reached only through failing parents: a branch that failed
    /// inside a passing <c>anyOf</c> is no failure of the document.
    /// </summary>
    private static IEnumerable<EvaluationResults> Failures(EvaluationResults result)
    {
        if (result.IsValid)
        {
            yield break;
        }

        if (result.Errors is { Count: > 0 })
        {
            yield return result;
        }

        foreach (EvaluationResults child in result.Details ?? [])
        {
            foreach (EvaluationResults failure in Failures(child))
            {
                yield return failure;
            }
        }
    }

    private static JsonSchema Load()
    {
        using Stream stream = typeof(RunSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(RunSchema).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        // A registry of its own: the global one refuses a second schema with this $id (a host that loads the published file too).
        return JsonSchema.FromText(reader.ReadToEnd(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }
}
