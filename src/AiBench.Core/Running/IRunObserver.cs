using AiBench.Core.Benchmarks;
using AiBench.Core.Parameters;
using AiBench.Core.Results;

namespace AiBench.Core.Running;

/// <summary>Receives progress of a run (the CLI draws a progress display from it). Calls come from the runner's thread.</summary>
public interface IRunObserver
{
    void CaseStarted(IBenchmark benchmark, BenchmarkCase benchmarkCase, int caseNumber, int totalCases);

    void Status(string text);

    void MeasurementRecorded(Measurement measurement);

    void BenchmarkFailed(RunError error);
}

/// <summary>An observer that ignores everything (BenchmarkDotNet's null-object pattern).</summary>
public sealed class NullRunObserver : IRunObserver
{
    public static NullRunObserver Instance { get; } = new();

    public void CaseStarted(IBenchmark benchmark, BenchmarkCase benchmarkCase, int caseNumber, int totalCases) { }

    public void Status(string text) { }

    public void MeasurementRecorded(Measurement measurement) { }

    public void BenchmarkFailed(RunError error) { }
}
