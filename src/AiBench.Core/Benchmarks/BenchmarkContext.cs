using AiBench.Core.Baselines;
using AiBench.Core.Hosts;
using AiBench.Core.Jobs;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Running;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace AiBench.Core.Benchmarks;

/// <summary>Everything a benchmark needs to run one case: the case, how to measure, and where it runs.</summary>
public sealed class BenchmarkContext
{
    public required BenchmarkCase Case { get; init; }

    public required MeasurementPolicy Policy { get; init; }

    public required SystemInfo System { get; init; }

    /// <summary>The datasheet catalog of the run (<c>--baselines</c>): GPUs, drives and named links.</summary>
    public BaselineCatalog Baselines { get; init; } = new();

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>A folder the benchmark may use for scratch files; deleted by the runner afterwards.</summary>
    public string ScratchDirectory { get; init; } = Path.GetTempPath();

    /// <summary>Short status lines for the progress display ("triad 3/20").</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Where this process sits in a parallel job (mpirun, srun), or a single rank.</summary>
    public LaunchInfo Launch { get; init; } = LaunchInfo.SingleRank;

    /// <summary>Tables and notes for the person watching (the nccl-tests table, a hung rank named); not the progress line.</summary>
    public TextWriter Transcript { get; init; } = TextWriter.Null;

    /// <summary>Faults injected by the multi-process tests; none in a production run.</summary>
    public FaultInjection Faults { get; init; } = FaultInjection.None;

    public void Report(string status) => Progress?.Report(status);
}
