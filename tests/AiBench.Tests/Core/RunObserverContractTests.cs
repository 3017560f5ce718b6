using AiBench.Core.Benchmarks;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Running;
using AiBench.Core.Suites;
using Xunit;

namespace AiBench.Tests.Core;

/// <summary>
/// <see cref="IRunObserver"/>'s contract: status lines reach the observer at once, in order with the runner's own calls,
/// each tagged with the case it belongs to, so a late status of a finished case can never pass as the next case's.
/// </summary>
public class RunObserverContractTests
{
    [Fact]
    public async Task A_late_status_keeps_its_case_and_arrives_in_order()
    {
        Suite suite = SuiteParser.Parse("name: s\nbenchmarks:\n  - id: test.status\n    params: { size: \"1k,2k\" }", "s.yaml");
        RunPlan plan = RunPlanner.Plan(suite, new BenchmarkRegistry([new StatusBenchmark()]), [], suite.Policy);
        var observer = new RecordingObserver();
        var options = new RunOptions { RunId = "test", Tool = new ToolInfo("0", null), Baselines = BaselineCatalogTests.Shipped(), Observer = observer };

        await new SuiteRunner(options).RunAsync(plan, SystemInfo.Unknown, CancellationToken.None);

        Assert.Equal(
            ["started 1", "status 1 first", "measured 1024", "started 2", "status 1 late", "status 2 second", "measured 2048"],
            observer.Events);
    }

    /// <summary>Case 1 keeps its progress reporter; case 2 reports through it (a native thread of case 1 finishing late) and then its own.</summary>
    private sealed class StatusBenchmark : IBenchmark
    {
        private IProgress<string>? _firstCase;

        public string Id => "test.status";

        public string Title => "observer contract test double";

        public ParameterSchema Parameters { get; } = new(new ParameterDefinition("size", ParameterKind.Size, "1k", "bytes"));

        public Availability Probe(SystemInfo system) => Availability.Ready;

        public async IAsyncEnumerable<Measurement> RunAsync(BenchmarkContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (_firstCase is null)
            {
                _firstCase = context.Progress;
                context.Report("first");
            }
            else
            {
                // From another thread, as a benchmark's worker would.
                await Task.Run(() => _firstCase.Report("late"), cancellationToken);
                context.Report("second");
            }

            long size = context.Case.GetInt64("size");
            yield return new Measurement
            {
                Benchmark = Id, Metric = "size", Unit = "B", Better = Direction.Higher, Params = context.Case.Values, Samples = [size],
            };
        }
    }

    private sealed class RecordingObserver : IRunObserver
    {
        private readonly Lock _events = new();

        public List<string> Events { get; } = [];

        public void CaseStarted(IBenchmark benchmark, BenchmarkCase benchmarkCase, int caseNumber, int totalCases) => Add($"started {caseNumber}");

        public void Status(int caseNumber, string text) => Add($"status {caseNumber} {text}");

        public void MeasurementRecorded(Measurement measurement) => Add($"measured {measurement.Samples[0]}");

        public void BenchmarkFailed(RunError error) => Add($"failed {error.Message}");

        private void Add(string text)
        {
            lock (_events)
            {
                Events.Add(text);
            }
        }
    }
}
