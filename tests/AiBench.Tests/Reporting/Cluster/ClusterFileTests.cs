using AiBench.Core.Cluster;
using AiBench.Core.Errors;
using AiBench.Core.Results;
using AiBench.Reporting.Cluster;
using Xunit;

namespace AiBench.Tests.Reporting.Cluster;

public class ClusterFileTests
{
    [Theory]
    [InlineData("not json", "not a valid AiBench cluster result")]
    [InlineData("[1, 2]", "no \"schema\" field")]
    [InlineData("{\"schema\": \"aibench.run/1\"}", "schema 'aibench.run/1' is not an AiBench cluster schema")]
    [InlineData("{\"schema\": \"aibench.cluster/2\"}", "cluster schema version '2' is not supported")]
    [InlineData("{\"schema\": \"aibench.cluster/1\", \"clusterId\": \"x\"}", "not a valid AiBench cluster result")]
    public void Invalid_files_are_bad_input_in_one_line_naming_the_file(string json, string expected)
    {
        using var dir = new Reporting.TempDirectory();
        string path = dir.File(ClusterFile.FileName);
        File.WriteAllText(path, json);
        var e = Assert.Throws<BadInputException>(() => ClusterFile.Read(dir.Path));
        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        using var dir = new Reporting.TempDirectory();
        var e = Assert.Throws<BadInputException>(() => ClusterFile.Read(dir.Path));
        Assert.Contains("no cluster result found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minor_version_and_named_floating_point_literals_are_read()
    {
        ClusterResult sample = ClusterSampleResult.FourNodes();
        ClusterResult odd = sample with
        {
            Nodes = [sample.Nodes[0] with { FleetRatios = new Dictionary<string, double> { ["x/y[]{}"] = double.NaN } }],
            Matrices = [sample.Matrices[0] with { Values = [[null, double.PositiveInfinity], [1.5, null]] }],
        };
        string json = ClusterFile.Serialize(odd).Replace("\"aibench.cluster/1\"", "\"aibench.cluster/1.3\"", StringComparison.Ordinal);
        ClusterResult back = ClusterFile.Parse(json);
        Assert.True(double.IsNaN(back.Nodes[0].FleetRatios["x/y[]{}"]));
        Assert.Equal(double.PositiveInfinity, back.Matrices[0].Values[0][1]);
        Assert.Equal(1.5, back.Matrices[0].Values[1][0]);
        Assert.Contains("[null,\"Infinity\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_only_the_required_fields_reads_with_empty_lists_and_reports()
    {
        const string json = """
            {
              "schema": "aibench.cluster/1", "clusterId": "c1", "status": "complete", "verdict": "pass", "tool": { "version": "0.1.0" },
              "launcher": "none", "ranks": 0, "startedAt": "2026-11-26T14:02:11Z", "finishedAt": "2026-11-26T14:03:11Z",
              "nodes": [ { "identity": { "name": "n1", "host": "n1" }, "state": "answered", "verdict": "pass" } ]
            }
            """;
        ClusterResult result = ClusterFile.Parse(json);
        Assert.Empty(result.Phases);
        Assert.Empty(result.Pairs);
        Assert.Empty(result.Matrices);
        Assert.Empty(result.Findings);
        Assert.Empty(result.Nodes[0].FleetRatios);
        Assert.Empty(result.Nodes[0].Identity.Ranks);
        Assert.Empty(result.Nodes[0].Identity.GpuUuids);
        using var dir = new Reporting.TempDirectory();
        Assert.True(ClusterReportWriter.Write(result, dir.Path).Succeeded);
    }

    [Fact]
    public void Measurement_keys_come_apart_into_benchmark_metric_params_and_labels()
    {
        MeasurementKeyParts parts = MeasurementKeyParts.Parse("gpu.matmul/throughput[dtype=bf16,m=8192]{device=0}");
        Assert.Equal("gpu.matmul", parts.Benchmark);
        Assert.Equal("throughput", parts.Metric);
        Assert.Equal(["dtype=bf16", "m=8192"], parts.Params.Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["device=0"], parts.Labels.Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal("odd key", MeasurementKeyParts.Parse("odd key").Metric);
    }

    [Fact]
    public void Ranks_read_as_ranges_and_colours_are_red_below_the_median_and_blue_above()
    {
        Assert.Equal("0–3, 8, 10–11", ClusterText.Ranks([3, 0, 1, 2, 8, 10, 11]));
        Assert.Equal("—", ClusterText.Ranks([]));
        Assert.Equal("#f7f7f7", RatioColour.Fill(1.0));
        Assert.Equal("#b2182b", RatioColour.Fill(0.5));
        Assert.Equal("#2166ac", RatioColour.Fill(1.5));
        Assert.Equal(RatioColour.Fill(0.5), RatioColour.Fill(RatioColour.Goodness(2.0, Direction.Lower)));
    }
}
