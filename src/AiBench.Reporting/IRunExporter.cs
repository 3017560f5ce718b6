using AiBench.Core.Results;

namespace AiBench.Reporting;

/// <summary>
/// Writes one view of a run into its run folder (BenchmarkDotNet's <c>IExporter</c>, in spirit).
/// An exporter only reads the <see cref="Run"/> and files earlier exporters wrote; it never changes <c>run.json</c>.
/// </summary>
public interface IRunExporter
{
    /// <summary>Short name for messages and selection (<c>csv</c>, <c>markdown</c>, <c>charts</c>, <c>html</c>, <c>junit</c>).</summary>
    string Name { get; }

    /// <summary>Writes the files (atomically) and returns their full paths.</summary>
    IReadOnlyList<string> Export(Run run, string runDirectory);
}
