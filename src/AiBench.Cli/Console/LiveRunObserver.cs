using AiBench.Core.Benchmarks;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Running;
using AiBench.Reporting.Text;
using Spectre.Console;

namespace AiBench.Cli.Console;

/// <summary>A live progress bar over all cases of the run, for interactive terminals.</summary>
internal sealed class LiveRunObserver(ProgressTask task, IAnsiConsole console) : IRunObserver
{
    private string _case = "";

    public void CaseStarted(IBenchmark benchmark, BenchmarkCase benchmarkCase, int caseNumber, int totalCases)
    {
        task.MaxValue = totalCases;
        task.Value = caseNumber - 1;
        _case = CaseText.For(benchmark, benchmarkCase);
        task.Description = Markup.Escape(_case);
    }

    public void Status(string text) => task.Description = Markup.Escape($"{_case} · {text}");

    public void MeasurementRecorded(Measurement measurement)
    {
        task.Increment(0);
        console.MarkupLine($"  [grey]{Markup.Escape(measurement.Benchmark)} {Markup.Escape(measurement.Metric)}[/] "
            + $"{Markup.Escape(MeasurementText.Median(measurement))}");
    }

    public void BenchmarkFailed(RunError error) =>
        console.MarkupLine($"  [yellow]{Markup.Escape(error.Benchmark)}: {Markup.Escape(error.Kind)}: {Markup.Escape(error.Message)}[/]");
}
