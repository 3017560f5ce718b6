using System.Diagnostics;
using System.Text.Json.Nodes;
using AiBench.Core.Errors;
using AiBench.Core.Results;
using CsCheck;
using Json.Schema;
using Xunit;
using Xunit.Abstractions;

namespace AiBench.Tests.Core;

/// <summary>
/// Damages the reference run.json files at random for <see cref="AiBench.Tests.Fuzzing.FuzzBudget"/>: the loader either reads a
/// run or refuses it with one BadInputException line, and never refuses a document the published schema accepts
/// (save a number beyond ±7.9e28, which the schema's $comment names: JSON Schema cannot bound it for its decimal readers).
/// Every crash this found is kept as a named test below.
/// </summary>
public class RunFileFuzzTests(ITestOutputHelper log)
{
    private static readonly string[] ReferenceRuns = Directory
        .GetFiles(Path.Combine(RepoPaths.Root, "results", "reference"), RunFile.FileName, SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    private static readonly Gen<RunJsonMutation> Mutations =
        Gen.Select(Gen.Int[0, ReferenceRuns.Length - 1], Gen.Enum<RunJsonMutation.Kinds>(), Gen.Int[0, int.MaxValue], Gen.Int[0, 63])
            .Select((file, kind, position, choice) => new RunJsonMutation(file, kind, position, choice));

    [Fact]
    public void A_damaged_run_is_read_or_refused_in_one_line_and_the_schema_is_not_looser_than_the_loader()
    {
        int seconds = AiBench.Tests.Fuzzing.FuzzBudget.Seconds;
        JsonSchema schema = PublishedSchema.Load(RunSchema.ResourceName);
        long tried = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        Mutations.Sample(mutation =>
        {
            Interlocked.Increment(ref tried);
            string json = mutation.Apply(ReferenceRuns[mutation.File]);
            try
            {
                RunFile.Parse(json, "fuzz/run.json");
            }
            catch (BadInputException e)
            {
                Interlocked.Increment(ref refused);
                Assert.False(e.Message.Contains('\n', StringComparison.Ordinal), e.Message);
                Assert.False(!e.Message.Contains("is out of range", StringComparison.Ordinal) && SchemaAccepts(schema, json),
                    $"the schema accepts what the loader refuses: {e.Message}");
            }
        }, time: seconds, print: m => m.ToString());
        log.WriteLine($"{tried} damaged runs in {clock.Elapsed.TotalSeconds:0.0} s ({refused} refused, {tried - refused} read)");
    }

    /// <summary>The published schema's verdict as any other reader of it would get it; a document it cannot even parse is not accepted.</summary>
    private static bool SchemaAccepts(JsonSchema schema, string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return schema.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or OverflowException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
