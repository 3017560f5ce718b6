using AiBench.Core.Errors;
using AiBench.Core.Results;
using AiBench.Reporting.Charts;
using AiBench.Reporting.Comparison;
using AiBench.Reporting.Csv;
using AiBench.Reporting.Html;
using AiBench.Reporting.JUnit;
using AiBench.Reporting.Markdown;
using AiBench.Reporting.Pdf;

namespace AiBench.Reporting;

/// <summary>
/// The one entry point for writing a run's files: <c>run.json</c> and every report beside it. Exporters run
/// in order (charts before the HTML that inlines them); one that fails is reported and the rest still run,
/// so a broken chart library never costs the CSV, the summary or the JUnit file a CI gate reads.
/// </summary>
public static class ReportWriter
{
    public static IReadOnlyList<string> ExporterNames => DefaultExporters().Select(e => e.Name).ToList();

    /// <summary>A fresh set of the standard exporters, in dependency order: the HTML report inlines the charts and links the rest.</summary>
    /// <param name="label">The system's name in the charts and the HTML (<c>--label</c>); null for the default.</param>
    public static IReadOnlyList<IRunExporter> DefaultExporters(string? label = null) =>
        [new CsvExporter(), new MarkdownSummaryExporter(), new JUnitExporter(), new ChartExporter(label), new HtmlReportExporter(label)];

    /// <summary>The standard exporters with these names (<see cref="ExporterNames"/>), in dependency order.</summary>
    public static IReadOnlyList<IRunExporter> ExportersNamed(IEnumerable<string> names)
    {
        var wanted = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<IRunExporter> all = DefaultExporters();
        string? unknown = wanted.FirstOrDefault(n => !all.Any(e => e.Name.Equals(n, StringComparison.OrdinalIgnoreCase)));
        if (unknown is not null)
        {
            throw new BadInputException($"unknown report format '{unknown}' (known: {string.Join(", ", all.Select(e => e.Name))})");
        }

        return all.Where(e => wanted.Contains(e.Name)).ToList();
    }

    /// <summary>Creates the run folder, writes <c>run.json</c> (a failure here throws), then every report.</summary>
    public static ReportResult Write(Run run, string runDirectory, IEnumerable<IRunExporter>? exporters = null)
    {
        Directory.CreateDirectory(runDirectory);
        string runJson = Path.Combine(runDirectory, ReportFileNames.RunJson);
        RunFile.Write(run, runJson);
        ReportResult reports = Export(run, runDirectory, exporters);
        return reports with { Files = [Path.GetFullPath(runJson), .. reports.Files] };
    }

    /// <summary>Writes every report of <paramref name="run"/> into an existing run folder; <c>run.json</c> is left alone.</summary>
    public static ReportResult Export(Run run, string runDirectory, IEnumerable<IRunExporter>? exporters = null)
    {
        Directory.CreateDirectory(runDirectory);
        var files = new List<string>();
        var failures = new List<ExportFailure>();
        foreach (IRunExporter exporter in exporters ?? DefaultExporters())
        {
            try
            {
                files.AddRange(exporter.Export(run, runDirectory).Select(Path.GetFullPath));
            }
            catch (Exception e)
            {
                failures.Add(new ExportFailure(exporter.Name, $"{exporter.Name}: {e.Message}", e));
            }
        }

        return new ReportResult(files, failures);
    }

    /// <summary>Reads <c>run.json</c> from a run folder and writes its reports again (<c>aibench report &lt;run-dir&gt;</c>).</summary>
    /// <exception cref="BadInputException">No run there, or not a run this version reads.</exception>
    public static ReportResult Regenerate(string runDirectory, IEnumerable<IRunExporter>? exporters = null)
    {
        Run run = RunFile.Read(runDirectory);
        return Export(run, runDirectory, exporters);
    }

    /// <summary>
    /// <c>aibench report</c>: the standard reports under <paramref name="label"/>, then <c>report.pdf</c> printed from
    /// the HTML by Chromium where one is installed (else a note says why there is none).
    /// </summary>
    public static ReportResult Regenerate(string runDirectory, string? label)
    {
        ReportResult reports = Regenerate(runDirectory, DefaultExporters(label));
        return reports.With(PdfPrinter.Print(Path.Combine(runDirectory, ReportFileNames.HtmlReport), ReportFileNames.PdfReport));
    }

    /// <summary>Reads several run folders and writes a side-by-side comparison into <paramref name="outputDirectory"/>.</summary>
    /// <param name="labels">The systems' names by run folder (<c>--label</c>); missing ones get the default.</param>
    public static ReportResult Compare(IReadOnlyList<string> runDirectories, string outputDirectory, IReadOnlyList<string>? labels = null)
    {
        List<Run> runs = runDirectories.Select(RunFile.Read).ToList();
        ReportResult comparison = ComparisonReport.Write(runs, outputDirectory, labels);
        return comparison.With(PdfPrinter.Print(Path.Combine(outputDirectory, ReportFileNames.ComparisonHtml), ReportFileNames.ComparisonPdf));
    }
}
