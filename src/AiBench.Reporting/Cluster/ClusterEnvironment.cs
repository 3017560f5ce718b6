using AiBench.Core.Cluster;
using AiBench.Core.Results;
using AiBench.Reporting.Environment;
using AiBench.Reporting.Systems;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// The fleet's environment from the nodes' own run.json files, so a node with another driver, kernel or clock
/// stands out beside its figures. Reads at most <see cref="MaxRunsRead"/> runs: a 2,048-node page must stay quick.
/// </summary>
internal static class ClusterEnvironment
{
    public const int MaxRunsRead = 32;

    public static (EnvironmentTable Table, int NodesWithRuns) Build(ClusterResult result, string clusterFolder)
    {
        var systems = new List<ReportedSystem>();
        int withRuns = 0;
        foreach (NodeResult node in result.Nodes)
        {
            if (node.RunFolder is null || !File.Exists(Path.Combine(clusterFolder, node.RunFolder, RunFile.FileName)))
            {
                continue;
            }

            withRuns++;
            if (systems.Count >= MaxRunsRead)
            {
                continue;
            }

            try
            {
                Run run = RunFile.Read(Path.Combine(clusterFolder, node.RunFolder));
                systems.Add(new ReportedSystem(run, node.Identity.Name, systems.Count));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Core.Errors.BadInputException)
            {
                // A node whose run cannot be read still has its row in the tables below; it only leaves this one.
            }
        }

        return (EnvironmentTable.Build(systems), withRuns);
    }
}
