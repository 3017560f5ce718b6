using AiBench.Benchmarks.Collectives;
using AiBench.Core.Benchmarks;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Tests.Reporting;
using Xunit;

namespace AiBench.Tests.Collectives;

/// <summary>
/// One rank moves nothing between ranks, so its collectives report time and the check but no algbw, busbw or
/// busbw_avg; the table prints N/A in their place and the reports work without them.
/// </summary>
public class OneRankBandwidthTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(16, true)]
    public void Bandwidth_is_reported_only_across_ranks(int ranks, bool reported) =>
        Assert.Equal(reported, CollectiveMath.WhyNoBandwidth(ranks) is null);

    [Fact]
    public void The_table_prints_na_for_missing_bandwidth_and_averages_only_what_it_printed()
    {
        var oneRank = new StringWriter();
        var table = new CollectiveTable(oneRank);
        table.WriteRow(new CollectiveRow(1024, 256, "float", "sum", -1, new CollectivePlacement(4e-6, null, null, 0), new CollectivePlacement(3e-6, null, null, 0)));
        Assert.Null(table.WriteFooter());
        Assert.Contains("    4.00     N/A     N/A      0     3.00     N/A     N/A      0", oneRank.ToString(), StringComparison.Ordinal);
        Assert.Contains("# Avg bus bandwidth    : N/A", oneRank.ToString(), StringComparison.Ordinal);

        var twoRanks = new StringWriter();
        table = new CollectiveTable(twoRanks);
        table.WriteRow(new CollectiveRow(1024, 256, "float", "sum", -1, new CollectivePlacement(1e-6, 1.024e9, 1.024e9, 0), null));
        table.WriteRow(new CollectiveRow(2048, 512, "float", "sum", -1, new CollectivePlacement(1e-6, 2.048e9, 3.072e9, 0), null));
        Assert.Equal(2.048e9, table.WriteFooter()!.Value, 3);
        Assert.Contains("# Avg bus bandwidth    : 2.0480", twoRanks.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_rank_run_reports_and_charts_without_bandwidth()
    {
        IBenchmark benchmark = AiBench.Benchmarks.BuiltInBenchmarks.Create().Single(b => b.Id == "net.allreduce");
        var context = new BenchmarkContext
        {
            Case = Assert.Single(benchmark.Parameters.Expand(new Dictionary<string, string>
            {
                ["minbytes"] = "1k", ["maxbytes"] = "64k", ["stepfactor"] = "8", ["iterations"] = "2",
            })),
            Policy = MeasurementPolicy.Quick with { MinSamples = 3, MaxSamples = 3 },
            System = SystemInfo.Unknown,
        };
        var measurements = new List<Measurement>();
        await foreach (Measurement m in benchmark.RunAsync(context, CancellationToken.None))
        {
            measurements.Add(m);
        }

        Assert.All(measurements, m => Assert.Equal("time", m.Metric));
        var run = new Run
        {
            RunId = "one-rank",
            Status = RunStatus.Complete,
            Verdict = VerdictStatus.Pass,
            Tool = new ToolInfo("0.1.0", "test"),
            CommandLine = "aibench run net.allreduce",
            StartedAt = DateTimeOffset.UnixEpoch,
            FinishedAt = DateTimeOffset.UnixEpoch.AddSeconds(1),
            System = SystemInfo.Unknown,
            Measurements = measurements,
        };
        using var dir = new TempDirectory();
        ReportResult result = ReportWriter.Write(run, dir.Path);

        Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(f => f.ToString())));
        Assert.Contains(result.Files, f => f.EndsWith("charts/net.allreduce.time.png", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Files, f => f.Contains("busbw", StringComparison.Ordinal));
        Assert.Contains("net.allreduce", File.ReadAllText(dir.File("summary.md")), StringComparison.Ordinal);
    }
}
