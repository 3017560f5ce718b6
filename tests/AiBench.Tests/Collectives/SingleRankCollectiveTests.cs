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
    public async Task Every_collective_runs_checks_and_reports_nccl_tests_figures(string id)
    {
        IBenchmark benchmark = AiBench.Benchmarks.BuiltInBenchmarks.Create().Single(b => b.Id == id);
        Assert.True(benchmark.Probe(SystemInfo.Unknown).IsReady, benchmark.Probe(SystemInfo.Unknown).ToString());
        var table = new StringWriter();
        CollectiveBenchmark.TableWriter = table;
        var context = new BenchmarkContext
        {
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

        // sizes 64 B, 2 KiB, 64 KiB x out-of-place and in-place x time, algbw, busbw; plus the average.
        Assert.Equal(3 * 2 * 3 + 1, measurements.Count);
        Measurement[] perSize = [.. measurements.Where(m => m.Metric != "busbw_avg")];
        Assert.All(perSize, m =>
        {
            Assert.Equal(2, m.Samples.Count);
            Assert.NotNull(m.Correct);
            Assert.Equal(0, m.Correct!.Wrong);
            Assert.True(m.Correct.Checked > 0);
            Assert.Equal("1", m.Info!["ranks"]);
        });
        Assert.All(perSize.Where(m => m.Metric == "time"), m => Assert.True(m.Value > 0));
        Measurement algbw = perSize.First(m => m.Metric == "algbw" && m.Params["bytes"].AsInt64() == 65536);
        Assert.True(algbw.Value > 0);
        // One rank: nothing crosses a link, so busbw is 0 except for broadcast (factor 1).
        Measurement busbw = perSize.First(m => m.Metric == "busbw" && m.Params["bytes"].AsInt64() == 65536);
        Assert.Equal(id == "net.broadcast" ? algbw.Value : 0, busbw.Value, 6);
        Assert.Contains(perSize, m => m.Params["inplace"].AsBoolean());
        Assert.Contains(perSize, m => !m.Params["inplace"].AsBoolean());

        string text = table.ToString();
        Assert.Contains("#       size         count      type   redop    root     time   algbw   busbw #wrong", text, StringComparison.Ordinal);
        Assert.Contains("# Avg bus bandwidth", text, StringComparison.Ordinal);
        Assert.Contains("double", text, StringComparison.Ordinal);
    }
}
