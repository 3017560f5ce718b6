namespace AiBench.Core.Fleet;

/// <summary>
/// One node's figure for one measurement key, compared with the same figure across the fleet.
/// <see cref="RobustZ"/> is Iglewicz and Hoaglin's modified z-score, 0.6745 (x − median) / MAD, with the MAD floored
/// at the figures' own precision (so it stays finite when identical nodes give MAD 0). <see cref="Node"/> is the
/// node's unique name (<see cref="Cluster.NodeIdentity.Name"/>); <see cref="Host"/> its host name as the run recorded it.
/// </summary>
public sealed record FleetFinding(
    string Key,
    string Benchmark,
    string Metric,
    string Unit,
    string Host,
    string RunId,
    double Value,
    double FleetMedian,
    double RobustZ,
    double Deviation,
    bool IsOutlier,
    string Reason)
{
    /// <summary>The node's unique name among the fleet: the host name unless two nodes share it.</summary>
    public string Node { get; init; } = Host;
}
