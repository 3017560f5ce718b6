using AiBench.Core.Errors;
using AiBench.Core.Results;
using AiBench.Reporting;
using Xunit;

namespace AiBench.Tests.Reporting;

public class ReportWriterTests
{
    [Fact]
    public void Write_puts_run_json_and_every_report_in_the_run_folder()
    {
        using var dir = new TempDirectory();
        string runDir = dir.File("run-1");
        ReportResult result = ReportWriter.Write(ReportingSampleRun.Create(), runDir);

        Assert.True(result.Succeeded);
        foreach (string name in new[] { "run.json", "measurements.csv", "summary.md", "report.html", "junit.xml" })
        {
            Assert.Contains(Path.Combine(runDir, name), result.Files);
            Assert.True(new FileInfo(Path.Combine(runDir, name)).Length > 0, name);
        }

        Assert.Equal(6, result.Files.Count(f => f.Contains("/charts/", StringComparison.Ordinal)));
        Assert.All(result.Files, f => Assert.True(File.Exists(f), f));
        Assert.Equal(ReportingSampleRun.MeasurementCount, RunFile.Read(runDir).Measurements.Count);
    }

    [Fact]
    public void Regenerate_rebuilds_reports_from_run_json_alone()
    {
        using var dir = new TempDirectory();
        ReportWriter.Write(ReportingSampleRun.Create(), dir.Path);
        string summary = File.ReadAllText(dir.File("summary.md"));
        string csv = File.ReadAllText(dir.File("measurements.csv"));
        foreach (string name in new[] { "summary.md", "measurements.csv", "report.html", "junit.xml" })
        {
            File.Delete(dir.File(name));
        }

        Directory.Delete(dir.File("charts"), recursive: true);
        ReportResult result = ReportWriter.Regenerate(dir.Path);

        Assert.True(result.Succeeded);
        Assert.DoesNotContain(result.Files, f => f.EndsWith("run.json", StringComparison.Ordinal));
        Assert.Equal(summary, File.ReadAllText(dir.File("summary.md")));
        Assert.Equal(csv, File.ReadAllText(dir.File("measurements.csv")));
        Assert.True(File.Exists(dir.File("charts/net.allreduce.busbw.png")));
    }

    [Fact]
    public void Regenerate_without_a_run_is_bad_input()
    {
        using var dir = new TempDirectory();
        Assert.Throws<BadInputException>(() => ReportWriter.Regenerate(dir.Path));
    }

    [Fact]
    public void A_failing_exporter_does_not_stop_the_others()
    {
        using var dir = new TempDirectory();
        IRunExporter[] exporters = [new ThrowingExporter(), .. ReportWriter.ExportersNamed(["csv", "junit"])];
        ReportResult result = ReportWriter.Export(ReportingSampleRun.Create(), dir.Path, exporters);

        ExportFailure failure = Assert.Single(result.Failures);
        Assert.Equal("broken", failure.Exporter);
        Assert.Equal(2, result.Files.Count);
        Assert.True(File.Exists(dir.File("junit.xml")));
    }

    [Fact]
    public void Unknown_format_names_are_bad_input() =>
        Assert.Throws<BadInputException>(() => ReportWriter.ExportersNamed(["csv", "pdf"]));

    [Fact]
    public void A_run_without_measurements_still_reports()
    {
        using var dir = new TempDirectory();
        Run empty = ReportingSampleRun.Create() with { Measurements = [], Status = RunStatus.Failed, Verdict = VerdictStatus.Error };
        ReportResult result = ReportWriter.Write(empty, dir.Path);

        Assert.True(result.Succeeded);
        Assert.Contains("No measurements.", File.ReadAllText(dir.File("summary.md")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("charts")));
    }

    private sealed class ThrowingExporter : IRunExporter
    {
        public string Name => "broken";

        public IReadOnlyList<string> Export(Run run, string runDirectory) => throw new IOException("disk full");
    }
}
