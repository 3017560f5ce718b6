using AiBench.Core.Benchmarks;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Running;
using AiBench.Reporting.Text;
using Spectre.Console;

namespace AiBench.Cli.Console;

/// <summary>
/// A live progress bar over all cases of the run, for interactive terminals. Status lines arrive on benchmark threads:
/// the current case is read and the description set under one lock, and a status of a case that is over is dropped.
/// </summary>
internal sealed class LiveRunObserver(ProgressTask task, IAnsiConsole console) : IRunObserver
{
    private readonly Lock _current = new();
    private string _case = "";
    private int _caseNumber;

    public void CaseStarted(IBenchmark benchmark, BenchmarkCase benchmarkCase, int caseNumber, int totalCases)
    {
        lock (_current)
        {
            task.MaxValue = totalCases;
            task.Value = caseNumber - 1;
            _caseNumber = caseNumber;
            _case = CaseText.For(benchmark, benchmarkCase);
            task.Description = Markup.Escape(_case);
        }
    }

    public void Status(int caseNumber, string text)
    {
        lock (_current)
        {
            if (caseNumber == _caseNumber)
            {
                task.Description = Markup.Escape($"{_case} · {text}");
            }
        }
    }

    public void MeasurementRecorded(Measurement measurement)
    {
        task.Increment(0);
        console.MarkupLine($"  [grey]{Markup.Escape(measurement.Benchmark)} {Markup.Escape(measurement.Metric)}[/] "
            + $"{Markup.Escape(MeasurementText.Median(measurement))}");
    }

    public void BenchmarkFailed(RunError error) =>
        console.MarkupLine($"  [yellow]{Markup.Escape(error.Benchmark)}: {Markup.Escape(error.Kind.Text())}: {Markup.Escape(error.Message)}[/]");
}
