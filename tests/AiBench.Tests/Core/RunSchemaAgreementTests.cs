using System.Text.Json.Nodes;
using AiBench.Core.Results;
using AiBench.Tests.EndToEnd;
using Xunit;

namespace AiBench.Tests.Core;

/// <summary>The published schema and the loader agree: what AiBench writes passes both, and the schema is not looser than the loader.</summary>
public class RunSchemaAgreementTests
{
    public static TheoryData<string> ReferenceRuns() =>
        new(Directory.GetFiles(Path.Combine(RepoPaths.Root, "results", "reference"), RunFile.FileName, SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p)));

    [Theory]
    [MemberData(nameof(ReferenceRuns))]
    public void Every_reference_run_passes_the_schema_and_loads(string relativePath)
    {
        string path = Path.Combine(RepoPaths.Root, relativePath);
        RunJson.AssertValid(JsonNode.Parse(File.ReadAllText(path))!);
        Assert.NotEmpty(RunFile.Read(path).Measurements);
    }

    [Fact]
    public void A_freshly_written_run_passes_the_schema_and_loads()
    {
        using var work = new Reporting.TempDirectory();
        string path = work.File(RunFile.FileName);
        RunFile.Write(RunFileTests.SampleRun(), path);
        RunJson.AssertValid(JsonNode.Parse(File.ReadAllText(path))!);
        Assert.Equal("node17", RunFile.Read(path).System.Host);
    }

    [Fact]
    public void The_embedded_schema_is_the_published_one()
    {
        using Stream stream = typeof(RunFile).Assembly.GetManifestResourceStream(RunSchema.ResourceName)!;
        using var reader = new StreamReader(stream);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "schema", RunSchema.ResourceName)), reader.ReadToEnd());
    }
}
