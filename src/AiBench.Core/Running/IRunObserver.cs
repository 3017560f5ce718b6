using AiBench.Core.Benchmarks;
using AiBench.Core.Parameters;
using AiBench.Core.Results;

namespace AiBench.Core.Running;

/// <summary>
/// Receives progress of a run (the CLI draws a progress display from it). <see cref="CaseStarted"/>,
/// <see cref="MeasurementRecorded"/> and <see cref="BenchmarkFailed"/> come from the runner's thread, in order.
/// <see cref="Status"/> comes from whichever thread the benchmark reports on (a native worker thread, say), possibly
/// late: it names its case, and an implementation must be safe to call concurrently and ignore a case that is over.
/// </summary>
public interface IRunObserver
{
    void CaseStarted(IBenchmark benchmark, BenchmarkCase benchmarkCase, int caseNumber, int totalCases);

    /// <summary>A short status line ("triad 3/20") of case <paramref name="caseNumber"/>; see the thread rules above.</summary>
    void Status(int caseNumber, string text);

    void MeasurementRecorded(Measurement measurement);

    void BenchmarkFailed(RunError error);
}

/// <summary>An observer that ignores everything (BenchmarkDotNet's null-object pattern).</summary>
public sealed class NullRunObserver : IRunObserver
{
    public static NullRunObserver Instance { get; } = new();

    public void CaseStarted(IBenchmark benchmark, BenchmarkCase benchmarkCase, int caseNumber, int totalCases) { }

    public void Status(int caseNumber, string text) { }

    public void MeasurementRecorded(Measurement measurement) { }

    public void BenchmarkFailed(RunError error) { }
}
