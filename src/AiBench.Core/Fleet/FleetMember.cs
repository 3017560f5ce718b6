using AiBench.Core.Cluster;
using AiBench.Core.Results;

namespace AiBench.Core.Fleet;

/// <summary>One node of a fleet comparison: who it is (unique among the members) and its run.</summary>
public sealed record FleetMember(NodeIdentity Node, Run Run);
