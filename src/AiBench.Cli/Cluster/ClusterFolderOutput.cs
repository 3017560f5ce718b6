using AiBench.Cli.Composition;
using AiBench.Cli.Console;
using AiBench.Core.Cluster;
using AiBench.Core.Jobs;
using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Reporting.Cluster;
using AiBench.Core.Files;

namespace AiBench.Cli.Cluster;

/// <summary>
/// Rank 0's cluster folder: <c>nodes/&lt;node&gt;/</c>, <c>pairs/</c>, <c>collectives/</c> (each a normal run folder), and
/// the cluster report. When the folder stops taking files mid-run (full, read-only, removed), what is still to be written
/// goes to a rescue folder under the system temp folder, named on stderr, and the run ends with exit 3.
/// </summary>
internal sealed class ClusterFolderOutput(string folder, string clusterId, TextWriter progress) : IClusterOutput
{
    public string Folder { get; private set; } = folder;

    /// <summary>Whether some of the run went to the rescue folder instead of the one asked for.</summary>
    public bool Rescued { get; private set; }

    public string WriteNode(string name, Run run) => Write(Path.Combine("nodes", name), run);

    public string WritePhase(ClusterPhaseKind phase, Run run) => Write(phase.ToString().ToLowerInvariant(), run);

    public void WriteCluster(ClusterResult result) => Saved(() => ReportWarnings.Write(ClusterReportWriter.Write(result, Folder), progress));

    public void Progress(string line) => progress.WriteLine($"cluster: {line}");

    private string Write(string relative, Run run)
    {
        Saved(() => ReportWarnings.Write(ReportWriter.Write(run, Path.Combine(Folder, relative)), progress));
        return relative;
    }

    private void Saved(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (StorageFault.Is(e) && !Rescued)
        {
            string refused = Folder;
            Folder = RunDirectory.Create(Path.GetTempPath(), $"aibench-rescued-{clusterId}");
            Rescued = true;
            progress.WriteLine($"aibench: cannot write under '{refused}' ({e.Message}); the rest of the cluster run is saved in {Folder}");
            write();
        }
    }
}
