using AiBench.Core.Cluster;
using AiBench.Core.Results;

namespace AiBench.Core.Jobs;

/// <summary>Where rank 0 puts a cluster run (the CLI writes folders and reports through AiBench.Reporting).</summary>
public interface IClusterOutput
{
    /// <summary>Writes one node's run under <c>nodes/&lt;name&gt;/</c>; returns that folder relative to the cluster folder.</summary>
    string WriteNode(string name, Run run);

    /// <summary>Writes a phase's run (<c>pairs/</c>, <c>collectives/</c>); returns its folder relative to the cluster folder.</summary>
    string WritePhase(ClusterPhaseKind phase, Run run);

    /// <summary>Writes <c>cluster.json</c> and the cluster report.</summary>
    void WriteCluster(ClusterResult result);

    /// <summary>One progress line for the person watching rank 0.</summary>
    void Progress(string line);
}
