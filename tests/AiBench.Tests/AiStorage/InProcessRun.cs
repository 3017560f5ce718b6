using AiBench.Core.Benchmarks;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using Xunit;

namespace AiBench.Tests.AiStorage;

/// <summary>One case of a benchmark run in this process, as the runner would: its context and its figures.</summary>
internal static class InProcessRun
{
    private static readonly SystemInfo ThisMachine = SystemInfoCollector.Collect();

    public static BenchmarkContext Context(
        IBenchmark benchmark, Dictionary<string, string> settings, string scratch, IProgress<string>? progress = null)
    {
        BenchmarkCase c = Assert.Single(benchmark.Parameters.Expand(settings));
        return new BenchmarkContext { Case = c, Policy = MeasurementPolicy.Quick, System = ThisMachine, ScratchDirectory = scratch, Progress = progress };
    }

    public static Task<List<Measurement>> Figures(IBenchmark benchmark, BenchmarkContext context) =>
        benchmark.RunAsync(context, CancellationToken.None).ToListAsync().AsTask();

    public static Task<List<Measurement>> Figures(IBenchmark benchmark, Dictionary<string, string> settings, string scratch) =>
        Figures(benchmark, Context(benchmark, settings, scratch));
}
