using System.CommandLine;
using AiBench.Cli.Console;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AiBench.Cli.Composition;
using AiBench.Core.Cluster;
using AiBench.Core.Errors;
using AiBench.Core.Fleet;
using AiBench.Core.Results;
using AiBench.Core.Units;
using AiBench.Reporting;
using AiBench.Reporting.Cluster;
using AiBench.Reporting.Text;
using Spectre.Console;

namespace AiBench.Cli.Commands;

/// <summary>
/// <c>aibench merge &lt;run-dir&gt;...</c>: one run per node in, one cluster verdict out. The runs become the nodes of a
/// <see cref="ClusterInput"/> (named by host, or host-machineid where hosts repeat) and are judged by
/// <see cref="ClusterAnalyzer"/> as a cluster run's node phase is: each by its own rules, against each other by robust z
/// and minimum deviation, and duplicates (one run or one machine given twice) reported. Writes the cluster report
/// (cluster.json, summary.md, report.html with the node heatmap, junit.xml) plus fleet.json and fleet.md into a fresh
/// fleet folder, prints the outliers, and exits 1 when the verdict is not pass.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var runs = new Argument<string[]>("run-dir") { Description = "One run folder per node (three or more to compare nodes)", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Folder under which the fleet folder is created", DefaultValueFactory = _ => "results" };
        var threshold = new Option<double>("--threshold") { Description = "Robust z-score beyond which a worse-than-fleet figure is an outlier", DefaultValueFactory = _ => FleetAnalyzer.DefaultZThreshold };
        var maxDeviation = new Option<string?>("--max-deviation")
        {
            Description = $"How much worse than the fleet median an outlier must also be (default {InvariantPercent(FleetAnalyzer.DefaultMinDeviation)}; e.g. 5%)",
        };
        var command = new Command("merge", "Compare one run per node and name the nodes that are slower than the fleet") { runs, outDir, threshold, maxDeviation };
        command.SetAction(parse =>
        {
            using var interrupt = new DeferredInterrupt();
            IReadOnlyList<string> inputs = parse.GetRequiredValue(runs);
            var judgement = new ClusterJudgement
            {
                ZThreshold = Positive(parse.GetValue(threshold), "--threshold"),
                MinDeviation = Deviation(parse.GetValue(maxDeviation)) ?? FleetAnalyzer.DefaultMinDeviation,
            };
            var loaded = MergeInputs.Load(inputs);
            RunDirectory.CheckWritable(parse.GetValue(outDir)!);
            string folder = RunDirectory.Create(parse.GetValue(outDir)!, "fleet-" + RunDirectory.NewRunId("merge", DateTimeOffset.UtcNow));
            IReadOnlyList<NodeIdentity> identities = NodeIdentities.Assign(loaded.Select(NodeDescription.Of).ToList());
            var nodes = loaded.Select((run, i) => new NodeInput(identities[i], NodeState.Answered, run, RunFolderFrom(folder, inputs[i]))).ToList();
            ClusterResult result = ClusterAnalyzer.Analyze(Input(folder, nodes, parse), judgement);

            // The per-figure detail (value, median, robust z) behind the analysis's outliers, judged the same way.
            IReadOnlyList<FleetFinding> figures = FleetAnalyzer.Analyze(
                nodes.Select(n => new FleetMember(n.Identity, n.Run!)).ToList(), judgement.ZThreshold, maxDeviation: null, judgement.MinDeviation);
            AtomicFile.WriteAllText(Path.Combine(folder, "fleet.json"), JsonSerializer.Serialize(figures.ToList(), FleetJsonContext.Default.ListFleetFinding));
            AtomicFile.WriteAllText(Path.Combine(folder, "fleet.md"), FleetMarkdown(result, figures));
            ReportResult written = ClusterReportWriter.Write(result, folder, FigureDirections.FromRuns(loaded));

            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            var outliers = figures.Where(f => f.IsOutlier).ToList();
            PrintOutliers(console, outliers, figures, loaded);
            PrintFindings(output, result);
            ReportWarnings.Write(written, error);

            // Plain lines, not console markup: a redirected console would wrap them at 80 columns, path and all.
            output.WriteLine($"{loaded.Count} runs, {figures.Select(f => f.Key).Distinct().Count()} figures compared, "
                + $"{outliers.Select(f => f.Node).Distinct().Count()} outlier node(s), verdict {Reporting.Text.EnumText.Of(result.Verdict)}; "
                + (ReportOutcome.Wrote(written, ReportFileNames.HtmlReport) is { } html ? $"report: {html}" : $"no {ReportFileNames.HtmlReport} written, see {folder}"));
            return interrupt.Outcome(result.Verdict is VerdictStatus.Pass or VerdictStatus.None ? (int)ExitCode.Pass : (int)ExitCode.PerformanceFailure, error);
        });
        return command;
    }

    private static ClusterInput Input(string folder, IReadOnlyList<NodeInput> nodes, ParseResult parse) => new()
    {
        ClusterId = Path.GetFileName(folder),
        Tool = ToolVersion.Current,
        CommandLine = "aibench " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
        Launcher = "none",
        Ranks = 0,
        StartedAt = nodes.Min(n => n.Run!.StartedAt),
        FinishedAt = nodes.Max(n => n.Run!.FinishedAt),
        Nodes = nodes,
    };

    /// <summary>The run's folder relative to the fleet folder, so the report links each node's own report.</summary>
    private static string RunFolderFrom(string fleetFolder, string input)
    {
        string full = Path.GetFullPath(input);
        string runFolder = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        return Path.GetRelativePath(Path.GetFullPath(fleetFolder), runFolder).Replace('\\', '/');
    }

    private static double Positive(double value, string option) =>
        value > 0 && double.IsFinite(value) ? value : throw new BadInputException($"{option} must be a positive number (got {value.ToString(CultureInfo.InvariantCulture)})");

    private static double? Deviation(string? text)
    {
        if (text is null)
        {
            return null;
        }

        double value;
        try
        {
            value = Quantity.Parse(text).Value;
        }
        catch (FormatException e)
        {
            throw new BadInputException($"--max-deviation: {e.Message}");
        }

        return value is >= 0 and < 1 ? value : throw new BadInputException($"--max-deviation '{text}' must be between 0% and 100%");
    }

    private static void PrintOutliers(IAnsiConsole console, IReadOnlyList<FleetFinding> outliers, IReadOnlyList<FleetFinding> figures, IReadOnlyList<Run> runs)
    {
        if (outliers.Count == 0)
        {
            return;
        }

        // Labelled among every figure compared, so an outlier on GPU 3 still says device=3 when it is the only outlier.
        var labels = HeatmapColumn.For(figures.Select(f => f.Key), FigureDirections.FromRuns(runs), ParameterDisplay.Of(runs)).ToDictionary(c => c.Key, c => c.Label, StringComparer.Ordinal);
        var table = new Table().AddColumn("node").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned())
            .AddColumn(new TableColumn("fleet median").RightAligned()).AddColumn(new TableColumn("ratio").RightAligned())
            .AddColumn(new TableColumn("robust z").RightAligned());
        foreach (FleetFinding f in outliers.OrderByDescending(f => f.FleetMedian == 0 ? 0 : Math.Abs(Math.Log(f.Value / f.FleetMedian))))
        {
            table.AddRow(Markup.Escape(f.Node), Markup.Escape(labels.GetValueOrDefault(f.Key, f.Key)), Markup.Escape(UnitFormatter.Format(f.Value, f.Unit)),
                Markup.Escape(UnitFormatter.Format(f.FleetMedian, f.Unit)), ClusterText.Ratio(f.FleetMedian == 0 ? null : f.Value / f.FleetMedian),
                f.RobustZ.ToString("0.0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    /// <summary>Every finding the outlier table does not already show (rules, wrong results, duplicates), with the inputs a duplicate names.</summary>
    private static void PrintFindings(TextWriter output, ClusterResult result)
    {
        var folders = result.Nodes.ToDictionary(n => n.Identity.Name, n => n.RunFolder, StringComparer.Ordinal);
        foreach (ClusterFinding finding in result.Findings.Where(f => f.Category != FindingCategory.FleetOutlier))
        {
            output.WriteLine(finding.Category == FindingCategory.Duplicate ? $"duplicate input: {finding.Reason}" : $"{finding.Category}: {finding.Reason}");
            if (finding.Category == FindingCategory.Duplicate)
            {
                foreach (string node in finding.Nodes)
                {
                    output.WriteLine($"  {node}: {folders.GetValueOrDefault(node) ?? "?"}");
                }
            }
        }
    }

    /// <summary>fleet.md, the per-figure comparison as merge always wrote it; summary.md and report.html hold the verdict.</summary>
    private static string FleetMarkdown(ClusterResult result, IReadOnlyList<FleetFinding> figures)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Fleet comparison of {result.Nodes.Count} runs");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{ClusterText.VerdictLine(result)}; see summary.md and report.html.");
        md.AppendLine();
        Reporting.Markdown.MarkdownText.AppendTable(md, ["node", "host", "machine id", "run folder", "own verdict", "verdict"],
            result.Nodes.Select(n => (IReadOnlyList<string>)
            [
                n.Identity.Name, n.Identity.Host, ClusterText.ShortMachineId(n.Identity.MachineId), n.RunFolder ?? "—",
                Reporting.Text.EnumText.Of(n.OwnVerdict), Reporting.Text.EnumText.Of(n.Verdict),
            ]));
        Reporting.Markdown.MarkdownText.AppendTable(md, ["figure", "node", "value", "fleet median", "deviation", "robust z", "outlier"],
            figures.Select(f => (IReadOnlyList<string>)
            [
                f.Key, f.Node, UnitFormatter.Format(f.Value, f.Unit), UnitFormatter.Format(f.FleetMedian, f.Unit),
                f.Deviation.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture), f.RobustZ.ToString("0.0", CultureInfo.InvariantCulture),
                f.IsOutlier ? f.Reason : "",
            ]), new HashSet<int> { 2, 3, 4, 5 });
        return md.ToString();
    }

    private static string InvariantPercent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
