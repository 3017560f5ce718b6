using AiBench.Core.Baselines;
using AiBench.Core.Jobs;
using AiBench.Core.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiBench.Core.Running;

/// <summary>Everything about a run that is not the plan: identity, baselines, comparison and observers.</summary>
public sealed record RunOptions
{
    public required string RunId { get; init; }

    public required ToolInfo Tool { get; init; }

    public string? CommandLine { get; init; }

    public required BaselineCatalog Baselines { get; init; }

    /// <summary>The <c>--sku</c> override: compare with this SKU's datasheet instead of the detected one.</summary>
    public string? SkuOverride { get; init; }

    /// <summary>The stored run that <c>max_regression</c> rules compare with.</summary>
    public Run? Reference { get; init; }

    public string ScratchRoot { get; init; } = Path.GetTempPath();

    public ILogger Logger { get; init; } = NullLogger.Instance;

    public IRunObserver Observer { get; init; } = NullRunObserver.Instance;

    /// <summary>Where this process sits in a parallel job (mpirun, srun), or a single rank.</summary>
    public LaunchInfo Launch { get; init; } = LaunchInfo.SingleRank;

    /// <summary>Tables and notes benchmarks print as they run (the nccl-tests table); stderr in the CLI.</summary>
    public TextWriter Transcript { get; init; } = TextWriter.Null;

    /// <summary>Faults injected by the multi-process tests; none in a production run.</summary>
    public FaultInjection Faults { get; init; } = FaultInjection.None;
}
