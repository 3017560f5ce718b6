using AiBench.Benchmarks.Collectives;
using AiBench.Core.Benchmarks;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Results;
using Xunit;

namespace AiBench.Tests.Collectives;

/// <summary>Every collective through the benchmark in this process: one rank (MPI as a singleton, no launcher).</summary>
public class SingleRankCollectiveTests
{
    public static TheoryData<string> Ids => ["net.allreduce", "net.allgather", "net.reducescatter", "net.broadcast", "net.alltoall"];

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Every_collective_runs_and_checks_on_one_rank_and_reports_time_without_bandwidth(string id)
    {
        IBenchmark benchmark = AiBench.Benchmarks.BuiltInBenchmarks.Create().Single(b => b.Id == id);
        Assert.True(benchmark.Probe(SystemInfo.Unknown).IsReady, benchmark.Probe(SystemInfo.Unknown).ToString());
        var table = new StringWriter();
        var context = new BenchmarkContext
        {
            Transcript = table,
            Case = Assert.Single(benchmark.Parameters.Expand(new Dictionary<string, string>
            {
                ["minbytes"] = "64", ["maxbytes"] = "64k", ["stepfactor"] = "32", ["dtype"] = "float64", ["iterations"] = "3",
            })),
            Policy = MeasurementPolicy.Quick with { MinSamples = 2, MaxSamples = 2 },
            System = SystemInfo.Unknown,
        };
        var measurements = new List<Measurement>();
        await foreach (Measurement m in benchmark.RunAsync(context, CancellationToken.None))
        {
            measurements.Add(m);
        }

        // sizes 64 B, 2 KiB, 64 KiB x out-of-place and in-place x time only: one rank moves nothing between ranks, so
        // there is no algbw, busbw or busbw_avg (an in-place all-reduce there is a no-op: its algbw was 249 TB/s on an H100).
        Assert.Equal(3 * 2, measurements.Count);
        Assert.All(measurements, m =>
        {
            Assert.Equal("time", m.Metric);
            Assert.True(m.Value > 0);
            Assert.Equal(2, m.Samples.Count);
            Assert.NotNull(m.Correct);
            Assert.Equal(0, m.Correct!.Wrong);
            Assert.True(m.Correct.Checked > 0);
            Assert.Equal("1", m.Info!["ranks"]);
            Assert.Contains("one rank", m.Info["bandwidth"], StringComparison.Ordinal);
            Assert.False(m.Info.ContainsKey("busbwFactor"));
            Assert.Null(m.Baseline);
        });
        Assert.Contains(measurements, m => m.Params["inplace"].AsBoolean());
        Assert.Contains(measurements, m => !m.Params["inplace"].AsBoolean());

        string text = table.ToString();
        Assert.Contains("#       size         count      type   redop    root     time   algbw   busbw #wrong", text, StringComparison.Ordinal);
        Assert.Contains("# Avg bus bandwidth    : N/A", text, StringComparison.Ordinal);
        Assert.Contains("double", text, StringComparison.Ordinal);
        string row = text.Split('\n').First(l => l.TrimStart().StartsWith("65536 ", StringComparison.Ordinal));
        Assert.Equal(4, row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w == "N/A"));
    }
}
