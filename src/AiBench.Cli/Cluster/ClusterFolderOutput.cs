using AiBench.Core.Cluster;
using AiBench.Core.Jobs;
using AiBench.Core.Results;
using AiBench.Reporting;
using AiBench.Reporting.Cluster;

namespace AiBench.Cli.Cluster;

/// <summary>Rank 0's cluster folder: <c>nodes/&lt;node&gt;/</c>, <c>pairs/</c>, <c>collectives/</c> (each a normal run folder), and the cluster report.</summary>
internal sealed class ClusterFolderOutput(string folder, TextWriter progress) : IClusterOutput
{
    public string Folder => folder;

    public string WriteNode(string name, Run run) => Write(Path.Combine("nodes", name), run);

    public string WritePhase(ClusterPhaseKind phase, Run run) => Write(phase.ToString().ToLowerInvariant(), run);

    public void WriteCluster(ClusterResult result) => Warn(ClusterReportWriter.Write(result, folder));

    public void Progress(string line) => progress.WriteLine($"cluster: {line}");

    private string Write(string relative, Run run)
    {
        Warn(ReportWriter.Write(run, Path.Combine(folder, relative)));
        return relative;
    }

    private void Warn(ReportResult written)
    {
        foreach (ExportFailure failure in written.Failures)
        {
            // run.json and cluster.json are written first and alone decide; a broken report format is only a warning.
            progress.WriteLine($"aibench: warning: {failure.Exporter} report not written: {failure.Message}");
        }
    }
}
