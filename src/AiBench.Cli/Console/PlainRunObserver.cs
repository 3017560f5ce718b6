using AiBench.Core.Benchmarks;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Running;
using AiBench.Reporting.Text;

namespace AiBench.Cli.Console;

/// <summary>Progress as plain lines on stderr, for logs and CI where no terminal redraws.</summary>
internal sealed class PlainRunObserver(TextWriter error) : IRunObserver
{
    public void CaseStarted(IBenchmark benchmark, BenchmarkCase benchmarkCase, int caseNumber, int totalCases) =>
        error.WriteLine($"[{caseNumber}/{totalCases}] {CaseText.For(benchmark, benchmarkCase)}");

    public void Status(int caseNumber, string text)
    {
        // Per-sample status would flood a log; the case line and the result line are enough.
    }

    public void MeasurementRecorded(Measurement measurement) =>
        error.WriteLine($"    {measurement.Metric} = {MeasurementText.Median(measurement)}"
            + (measurement.Stats is { } s ? $" (n={s.N}, cv={s.Cv:P1})" : ""));

    public void BenchmarkFailed(RunError error1) =>
        error.WriteLine($"    {error1.Benchmark}: {error1.Kind.Text()}: {error1.Message}");
}
