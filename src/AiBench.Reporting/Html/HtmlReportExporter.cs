using System.Globalization;
using System.Text;
using AiBench.Core.Hosts;
using AiBench.Core.Results;
using AiBench.Reporting.Charts;
using AiBench.Reporting.Environment;
using AiBench.Reporting.Figures;
using AiBench.Reporting.Summary;
using AiBench.Reporting.Systems;
using AiBench.Reporting.Tables;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Html;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS and SVG) with a summary paragraph, the system's key,
/// the run header, per benchmark a table (flags beside the figures), how each figure was measured and its charts,
/// errors, rule failures, the environment and the system. Charts come from the SVG files the
/// <see cref="ChartExporter"/> wrote; missing ones are drawn here. Links only point at files that exist.
/// </summary>
/// <param name="label">The system's name on the page (<c>--label</c>); null for <see cref="SystemLabel.Default"/>.</param>
public sealed class HtmlReportExporter(string? label = null) : IRunExporter
{
    private static readonly string[] LinkedFiles =
        [ReportFileNames.RunJson, ReportFileNames.MeasurementsCsv, ReportFileNames.SummaryMarkdown, ReportFileNames.JUnitXml];

    public string Name => "html";

    public IReadOnlyList<string> Export(Run run, string runDirectory)
    {
        string path = Path.Combine(runDirectory, ReportFileNames.HtmlReport);
        AtomicFile.WriteAllText(path, Render(run, runDirectory, label));
        return [path];
    }

    public static string Render(Run run, string runDirectory, string? label = null)
    {
        ReportedSystem system = ReportedSystem.Single(run, label);
        var page = new HtmlPage($"AiBench report: {system.Label}");
        page.Element("h1", $"AiBench report: {system.Label}");
        page.Element("p", RunSummary.Paragraph(run, system.Label), "summary");
        SystemLegend.Append(page, [system]);
        page.Facts(RunText.HeaderItems(run), label => label switch
        {
            "Status" => EnumText.Of(run.Status),
            "Verdict" => EnumText.Of(run.Verdict),
            _ => null,
        });
        AppendFileLinks(page, runDirectory);

        ILookup<string, ChartSpec> charts = ChartPlanner.Plan([system]).ToLookup(c => c.Benchmark, StringComparer.Ordinal);
        int chartNumber = 0;
        foreach (BenchmarkTable table in SummaryTables.Build(run))
        {
            page.Element("h2", table.Benchmark);
            AppendTable(page, table);
            FigureNotesHtml.Append(page, table.Rows.Select(r => (r.Measurement, r.Case)).ToList());
            foreach (ChartSpec chart in charts[table.Benchmark])
            {
                ChartFigure.Append(page, chart, runDirectory, ++chartNumber);
            }
        }

        if (run.Measurements.Count == 0)
        {
            page.Element("p", "No measurements.", "note");
        }

        AppendErrors(page, run);
        EnvironmentHtml.Append(page, EnvironmentTable.Build([system]));
        AppendSystem(page, run.System);
        return page.ToString();
    }

    private static void AppendFileLinks(HtmlPage page, string runDirectory)
    {
        var links = LinkedFiles.Where(f => File.Exists(Path.Combine(runDirectory, f))).Select(f => HtmlPage.Link(f, f)).ToList();
        if (links.Count > 0)
        {
            page.Raw("<p>Files: ").Raw(string.Join(" · ", links)).Raw("</p>\n");
        }
    }

    private static void AppendTable(HtmlPage page, BenchmarkTable table)
    {
        if (table.CommonParameters.Length > 0)
        {
            page.Element("p", "Parameters of every case: " + table.CommonParameters, "note");
        }

        // Flags sit beside the figure they qualify, after the verdict column the other formats end with.
        List<string> flags = table.Rows.Select(r => string.Join("; ", FigureFlags.Of(r.Measurement).Select(f => f.Text))).ToList();
        bool flagged = flags.Any(f => f.Length > 0);
        IReadOnlyList<string> headers = flagged ? [.. table.Headers, "flags"] : table.Headers;
        int verdict = table.Headers.Count - 1;
        ISet<int> numeric = table.NumericColumns;
        page.Table(headers, table.Rows.Select((row, i) => flagged ? (IReadOnlyList<string>)[.. table.Cells(row), flags[i]] : table.Cells(row)).ToList(), (r, c) =>
            c == verdict ? EnumText.Of(table.Rows[r].Status)
            : c > verdict ? (flags[r].Length > 0 ? "warn" : null)
            : numeric.Contains(c) ? "num"
            : null);
        IReadOnlyList<string> sources = table.BaselineSources;
        if (sources.Count > 0)
        {
            page.Element("p", "Baselines: " + string.Join(", ", sources), "note");
        }
    }

    private static void AppendErrors(HtmlPage page, Run run)
    {
        if (run.Errors.Count > 0)
        {
            page.Element("h2", "Errors");
            page.Table(["benchmark", "case", "kind", "message"],
                run.Errors.Select(e => (IReadOnlyList<string>)[e.Benchmark, e.Case ?? "—", e.Kind.Text(), e.Message]).ToList(),
                (_, c) => c == 2 ? "error" : null);
        }

        if (run.RuleFailures.Count > 0)
        {
            page.Element("h2", "Rule failures");
            page.Table(["rule", "status", "detail"],
                run.RuleFailures.Select(f => (IReadOnlyList<string>)[f.Rule, EnumText.Of(f.Status), f.Detail ?? "—"]).ToList(),
                (r, c) => c == 1 ? EnumText.Of(run.RuleFailures[r].Status) : null);
        }
    }

    private static void AppendSystem(HtmlPage page, SystemInfo system)
    {
        page.Element("h2", "System details");
        CpuInfo cpu = system.Cpu;
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Host", system.Host),
            new("CPU", RunText.Cpu(cpu)),
            new("Memory", RunText.Bytes(system.MemoryBytes)),
            new("OS", system.Os),
            new("Kernel", system.Kernel),
        };
        if (cpu.LastLevelCacheBytes > 0)
        {
            facts.Add(new("Last-level cache", RunText.Bytes(cpu.LastLevelCacheBytes)));
        }

        if (cpu.Flags.Count > 0)
        {
            facts.Add(new("CPU flags", string.Join(" ", cpu.Flags)));
        }

        page.Facts(facts);
        if (system.Gpus.Count > 0)
        {
            page.Element("h3", "GPUs");
            page.Table(["index", "name", "SKU", "memory", "driver", "CUDA", "PCI bus", "PCIe link", "UUID"],
                system.Gpus.Select(g => (IReadOnlyList<string>)
                [
                    g.Index.ToString(CultureInfo.InvariantCulture), g.Name, g.Sku ?? "—", RunText.Bytes(g.MemoryBytes),
                    g.Driver ?? "—", g.CudaVersion ?? "—", g.PciBusId ?? "—", PcieLink(g), g.Uuid ?? "—",
                ]).ToList());
        }

        if (system.Nics.Count > 0)
        {
            page.Element("h3", "Network interfaces");
            page.Table(["name", "link layer", "rate", "source"],
                system.Nics.Select(n => (IReadOnlyList<string>)
                [
                    n.Name, n.LinkLayer,
                    n.RateBitsPerSecond is { } bps ? LinkRate(bps) : "—",
                    n.Source ?? "—",
                ]).ToList());
        }

        if (system.BlockDevices.Count > 0)
        {
            page.Element("h3", "Block devices");
            page.Table(["name", "model", "kind", "size"],
                system.BlockDevices.Select(d => (IReadOnlyList<string>)
                [
                    d.Name, d.Model ?? "—", d.IsNvme ? "NVMe" : d.IsRotational ? "rotational" : "SSD", RunText.Bytes(d.SizeBytes),
                ]).ToList());
        }
    }

    private static string PcieLink(GpuInfo g)
    {
        var text = new StringBuilder();
        if (g.PcieGeneration is { } gen)
        {
            text.Append("Gen").Append(gen.ToString(CultureInfo.InvariantCulture));
        }

        if (g.PcieWidth is { } width)
        {
            text.Append(text.Length > 0 ? " " : string.Empty).Append('x').Append(width.ToString(CultureInfo.InvariantCulture));
        }

        return text.Length > 0 ? text.ToString() : "—";
    }

    // Link rates read as the network world writes them: decimal bits per second.
    private static string LinkRate(double bitsPerSecond) => Core.Units.UnitFormatter.Format(bitsPerSecond, "bit/s");
}
