using System.CommandLine;
using System.Runtime.InteropServices;
using AiBench.Cli.Cluster;
using AiBench.Cli.Composition;
using AiBench.Cli.Console;
using AiBench.Core.Baselines;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Jobs;
using AiBench.Core.Results;
using AiBench.Core.Running;
using AiBench.Core.Suites;
using AiBench.Reporting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace AiBench.Cli.Commands;

/// <summary><c>aibench run &lt;suite-or-benchmark&gt;</c>: plans, runs, judges and writes a run folder.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new Argument<string>("suite-or-benchmark")
        {
            Description = "A suite file (suites/quick.yaml), a built-in suite name (quick) or a benchmark id (cpu.memory)",
        };
        var set = new Option<string[]>("--set")
        {
            Description = "Parameter value: name=value, id.name=value; lists (a,b) and ranges (8..8G*2) sweep",
            AllowMultipleArgumentsPerToken = false,
        };
        var outDir = new Option<string>("--out") { Description = "Folder under which the run folder is created", DefaultValueFactory = _ => "results" };
        var sku = new Option<string?>("--sku") { Description = "Compare with this datasheet SKU instead of the detected one (e.g. h100-sxm5-80gb)" };
        var compare = new Option<string?>("--compare") { Description = "A stored run folder for max_regression rules" };
        var baselines = new Option<string?>("--baselines") { Description = "A folder of baseline YAML files instead of the built-in ones" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log details to stderr" };
        var color = new Option<ColorChoice>("--color")
        {
            Description = "Colour and a live progress bar: auto (on a terminal, not under mpirun/srun, not with NO_COLOR), always, never",
            DefaultValueFactory = _ => ColorChoice.Auto,
        };
        var policy = new PolicyOptions();

        var command = new Command("run", "Run a suite or one benchmark, then write run.json, CSV, Markdown, HTML report and charts")
        {
            target, set, outDir, sku, compare, baselines, verbose, color,
        };
        foreach (Option option in policy.All)
        {
            command.Add(option);
        }

        command.SetAction(async (parse, _) =>
        {
            using ILoggerFactory logging = LoggingSetup.Create(parse.GetValue(verbose));
            BenchmarkRegistry registry = Services.CreateRegistry();
            BaselineCatalog catalog = Services.LoadBaselines(parse.GetValue(baselines));
            Suite suite = SuiteResolver.Resolve(parse.GetRequiredValue(target), registry);
            var settings = SettingParser.Parse(parse.GetValue(set) ?? []);
            RunPlan? plan = suite.Cluster is null ? RunPlanner.Plan(suite, registry, settings, policy.Apply(parse, suite.Policy)) : null;
            string? skuOverride = parse.GetValue(sku);
            if (skuOverride is not null && !catalog.IsKnownSku(skuOverride))
            {
                throw new BadInputException($"unknown SKU '{skuOverride}' (known: {string.Join(", ", catalog.Gpus.Select(g => g.Id))})");
            }

            Run? reference = parse.GetValue(compare) is { } c ? RunFile.Read(c) : null;
            SystemInfo system = Services.DescribeSystem(catalog);
            string runId = RunDirectory.NewRunId(system.Host, DateTimeOffset.UtcNow);
            // In a job started by mpirun or srun every rank runs the same plan, but only rank 0 writes the run
            // (the collectives yield measurements on rank 0 only); other ranks create no result folder.
            LaunchInfo launch = Launcher.FromProcessEnvironment();
            bool writesResults = launch.WritesResults && plan is not null;
            string resultsRoot = parse.GetValue(outDir)!;
            if (writesResults)
            {
                RunDirectory.CheckWritable(resultsRoot);
            }

            using var interrupt = new CancellationTokenSource();
            // First Ctrl-C or SIGTERM: finish the current sample and write partial results (exit 130). A second
            // signal falls through to the default action and ends the process.
            void OnSignal(PosixSignalContext signal)
            {
                signal.Cancel = !interrupt.IsCancellationRequested;
                interrupt.Cancel();
            }

            using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            var options = new RunOptions
            {
                RunId = runId,
                Tool = ToolVersion.Current,
                CommandLine = "aibench " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                Baselines = catalog,
                SkuOverride = skuOverride,
                Reference = reference,
                Logger = logging.CreateLogger("aibench"),
                Launch = launch,
                Transcript = error,
                Faults = FaultInjection.Parse(Environment.GetEnvironmentVariable(FaultInjection.Variable)),
            };
            TerminalProfile terminal = TerminalProfile.Decide(parse.GetValue(color), launch.IsLaunched);
            IAnsiConsole console = terminal.CreateConsole(output);
            if (System.Console.IsOutputRedirected)
            {
                // Logs and CI files are read in editors, not 80-column terminals: keep table rows on one line.
                console.Profile.Width = 200;
            }

            if (plan is null)
            {
                // A cluster suite: every rank of the job runs the phases; rank 0 writes one cluster folder.
                return await ClusterExecution.RunAsync(suite, registry, settings, policy.Apply(parse, suite.Policy),
                    options with { Observer = new PlainRunObserver(error) }, system, resultsRoot, output, error, interrupt.Token);
            }

            RunOutcome outcome = await RunWithProgress(plan, system, options, console, error, interrupt.Token);
            if (!writesResults)
            {
                return (int)outcome.ExitCode;
            }

            SavedRun saved = RunSaver.Save(outcome.Run, resultsRoot, output, error);
            if (saved.Rescued)
            {
                return (int)ExitCode.CouldNotRun;
            }

            SummaryTable.Write(console, saved.Run, saved.Location);
            return (int)outcome.ExitCode;
        });
        return command;
    }

    private static async Task<RunOutcome> RunWithProgress(
        RunPlan plan, SystemInfo system, RunOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken)
    {
        // The live bar redraws lines with cursor escapes: only where the terminal profile allows them (never under a launcher).
        if (System.Console.IsOutputRedirected || System.Console.IsErrorRedirected || !console.Profile.Capabilities.Interactive)
        {
            return await new SuiteRunner(options with { Observer = new PlainRunObserver(error) }).RunAsync(plan, system, cancellationToken);
        }

        RunOutcome? outcome = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                ProgressTask task = ctx.AddTask(plan.Name, maxValue: Math.Max(1, plan.TotalCases));
                outcome = await new SuiteRunner(options with { Observer = new LiveRunObserver(task, console) })
                    .RunAsync(plan, system, cancellationToken);
                task.Value = task.MaxValue;
            });
        return outcome!;
    }
}
