namespace AiBench.Core.Fleet;

/// <summary>
/// One node's figure for one measurement key, compared with the same figure across the fleet.
/// <see cref="RobustZ"/> is Iglewicz and Hoaglin's modified z-score, 0.6745 (x − median) / MAD.
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
    string Reason);
