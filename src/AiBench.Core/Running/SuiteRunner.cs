using AiBench.Core.Baselines;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Suites;
using Microsoft.Extensions.Logging;

namespace AiBench.Core.Running;

/// <summary>
/// Runs a <see cref="RunPlan"/>: probes each benchmark, runs its cases, completes statistics and baselines,
/// applies the rules and decides the verdict and exit code. Ctrl-C ends the current case and returns a
/// partial run (exit 130); a benchmark that cannot run is recorded as an error (exit 3 when required).
/// </summary>
public sealed class SuiteRunner(RunOptions options)
{
    public async Task<RunOutcome> RunAsync(RunPlan plan, SystemInfo system, CancellationToken cancellationToken)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        var measurementsByEntry = new List<List<Measurement>>();
        var errors = new List<RunError>();
        var described = new Dictionary<string, BenchmarkDescription>(StringComparer.Ordinal);
        var resolver = new BaselineResolver(options.Baselines, system, options.SkuOverride);
        bool requiredMissing = false;
        var optionalUnavailable = new HashSet<int>();
        int caseNumber = 0;

        for (int entry = 0; entry < plan.Benchmarks.Count; entry++)
        {
            PlannedBenchmark planned = plan.Benchmarks[entry];
            var produced = new List<Measurement>();
            measurementsByEntry.Add(produced);
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            IBenchmark benchmark = planned.Benchmark;
            Availability availability = benchmark.Probe(system);
            if (!availability.IsReady)
            {
                caseNumber += planned.Cases.Count;
                requiredMissing |= planned.Required;
                if (!planned.Required)
                {
                    // An optional benchmark this machine cannot run (a GPU entry on a CPU node) is skipped, not an error.
                    optionalUnavailable.Add(entry);
                }

                Fail(new RunError(benchmark.Id, planned.Required ? RunErrorKind.Unavailable : RunErrorKind.Skipped, availability.Reason ?? "not available here"));
                continue;
            }

            described.TryAdd(benchmark.Id, BenchmarkDescription.Of(benchmark));
            foreach (BenchmarkCase benchmarkCase in planned.Cases)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                options.Observer.CaseStarted(benchmark, benchmarkCase, ++caseNumber, plan.TotalCases);
                RunError? error = await RunCaseAsync(benchmark, benchmarkCase, caseNumber, plan, system, resolver, produced, cancellationToken);
                if (error is not null)
                {
                    requiredMissing |= planned.Required && error.Kind != RunErrorKind.Interrupted;
                    Fail(error);
                }
            }
        }

        bool interrupted = cancellationToken.IsCancellationRequested;
        var ruleFailures = new List<MeasurementVerdict>();
        var context = new RuleContext(options.Reference);
        var judged = new List<Measurement>();
        for (int i = 0; i < measurementsByEntry.Count; i++)
        {
            if (optionalUnavailable.Contains(i))
            {
                continue;
            }

            judged.AddRange(RuleEvaluator.Apply(plan.Benchmarks[i], measurementsByEntry[i], context, ruleFailures));
        }

        VerdictStatus verdict = Verdict(judged, ruleFailures, requiredMissing);
        var run = new Run
        {
            RunId = options.RunId,
            Status = interrupted || errors.Any(e => e.Kind != RunErrorKind.Skipped) ? RunStatus.Partial : RunStatus.Complete,
            Verdict = verdict,
            Tool = options.Tool,
            Suite = plan.Name,
            CommandLine = options.CommandLine,
            StartedAt = started,
            FinishedAt = DateTimeOffset.UtcNow,
            System = system,
            Benchmarks = described,
            Measurements = judged,
            Errors = errors,
            RuleFailures = ruleFailures,
        };
        // A value only the benchmark itself can judge (a target path that does not exist) is still the user's
        // mistake: exit 2 like any other bad input, though the other figures of the run are kept.
        ExitCode exit = interrupted ? ExitCode.Interrupted
            : errors.Any(e => e.Kind == RunErrorKind.BadInput) ? ExitCode.BadInput
            : requiredMissing ? ExitCode.CouldNotRun
            : verdict == VerdictStatus.Fail ? ExitCode.PerformanceFailure
            : ExitCode.Pass;
        return new RunOutcome(run, exit);

        void Fail(RunError error)
        {
            errors.Add(error);
            options.Observer.BenchmarkFailed(error);
            options.Logger.LogDebug("{Benchmark}: {Kind}: {Message}", error.Benchmark, error.Kind, error.Message);
        }
    }

    private async Task<RunError?> RunCaseAsync(IBenchmark benchmark, BenchmarkCase benchmarkCase, int caseNumber, RunPlan plan, SystemInfo system,
        BaselineResolver resolver, List<Measurement> produced, CancellationToken cancellationToken)
    {
        string scratch = Path.Combine(options.ScratchRoot, $"aibench-{options.RunId}-{Guid.NewGuid():N}");
        var context = new BenchmarkContext
        {
            Case = benchmarkCase,
            Policy = plan.Policy,
            System = system,
            Baselines = options.Baselines,
            Logger = options.Logger,
            ScratchDirectory = scratch,
            // Forwarded on the reporting thread at once, tagged with its case: no thread-pool hop that could deliver it late
            // under the next case's name (Progress<T> posts to the pool when there is no synchronisation context).
            Progress = new CaseStatus(options.Observer, caseNumber),
            Launch = options.Launch,
            Transcript = options.Transcript,
            Faults = options.Faults,
        };
        try
        {
            await foreach (Measurement raw in benchmark.RunAsync(context, cancellationToken).WithCancellation(cancellationToken))
            {
                Measurement measurement = Complete(raw, resolver, benchmark.Datasheet);
                produced.Add(measurement);
                options.Observer.MeasurementRecorded(measurement);
            }

            // A benchmark keeps the samples it took before Ctrl-C; the case is still marked as cut short.
            return cancellationToken.IsCancellationRequested
                ? new RunError(benchmark.Id, RunErrorKind.Interrupted, "interrupted by the user; the samples taken before are kept", benchmarkCase.ToString())
                : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new RunError(benchmark.Id, RunErrorKind.Interrupted, "interrupted by the user", benchmarkCase.ToString());
        }
        catch (CouldNotRunException e)
        {
            return new RunError(benchmark.Id, RunErrorKind.CouldNotRun, e.Message, benchmarkCase.ToString());
        }
        catch (BadInputException e)
        {
            return new RunError(benchmark.Id, RunErrorKind.BadInput, e.Message, benchmarkCase.ToString());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A benchmark bug or a hardware fault must not lose the other figures; keep the type for diagnosis.
            options.Logger.LogDebug(e, "{Benchmark} failed", benchmark.Id);
            return new RunError(benchmark.Id, RunErrorKind.Failed, $"{e.GetType().Name}: {e.Message}", benchmarkCase.ToString());
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    private static Measurement Complete(Measurement measurement, BaselineResolver resolver, BaselineFamily datasheet)
    {
        if (measurement.Stats is null && measurement.Samples.Count > 0)
        {
            measurement = measurement with { Stats = SampleStatisticsEstimator.Estimate(measurement.Samples) };
        }

        return resolver.Attach(measurement, datasheet);
    }

    private static VerdictStatus Verdict(List<Measurement> measurements, List<MeasurementVerdict> ruleFailures, bool requiredMissing)
    {
        if (requiredMissing)
        {
            return VerdictStatus.Error;
        }

        if (ruleFailures.Count > 0 || measurements.Any(m => m.Verdict?.Status == VerdictStatus.Fail))
        {
            return VerdictStatus.Fail;
        }

        return measurements.Any(m => m.Verdict?.Status == VerdictStatus.Pass) ? VerdictStatus.Pass : VerdictStatus.None;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Scratch space is best-effort cleanup; the temp folder is the OS's to reclaim.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
