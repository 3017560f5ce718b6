using System.Text.Json;
using AiBench.Core.Results;
using AiBench.Reporting.Csv;
using AiBench.Reporting.Markdown;
using BenchmarkDotNet.Attributes;

namespace AiBench.Perf;

/// <summary>Writing a run of 1000 measurements (50 samples each): run.json, measurements.csv, summary.md; and reading run.json back (schema check included).</summary>
[MemoryDiagnoser]
public class ResultFileBenchmarks
{
    private Run _run = null!;
    private string _directory = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _run = PerfRuns.Create(1000);
        _directory = Path.Combine(Path.GetTempPath(), "aibench-perf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        RunFile.Write(_run, Path.Combine(_directory, "read-back.json"));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public int SerializeRunJson() => JsonSerializer.Serialize(_run, RunJsonContext.Default.Run).Length;

    [Benchmark]
    public void WriteRunJsonFile() => RunFile.Write(_run, Path.Combine(_directory, RunFile.FileName));

    [Benchmark]
    public int ReadRunJsonFile() => RunFile.Read(Path.Combine(_directory, "read-back.json")).Measurements.Count;

    [Benchmark]
    public int RenderCsv() => CsvExporter.Render(_run).Length;

    [Benchmark]
    public int ExportCsvFile() => new CsvExporter().Export(_run, _directory).Count;

    [Benchmark]
    public int RenderMarkdownSummary() => MarkdownSummaryExporter.Render(_run).Length;
}
