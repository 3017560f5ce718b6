using AiBench.Core.Cluster;
using AiBench.Core.Hosts;
using AiBench.Core.Results;
using AiBench.Tests.Core;
using Xunit;

namespace AiBench.Tests.Cluster;

public class DuplicateRunsTests
{
    [Fact]
    public void The_same_run_given_twice_is_a_duplicate_naming_both_inputs()
    {
        Run run = Node("node1", "m1", "run-1");
        ClusterFinding finding = Assert.Single(DuplicateRuns.Find([run, Node("node2", "m2", "run-2"), run], ["a/run", "b/run", "c/run"]));
        Assert.Equal((FindingCategory.Duplicate, ClusterSubjectKind.Node, "node1"), (finding.Category, finding.Kind, finding.Subject));
        Assert.Equal(["a/run", "c/run"], finding.Nodes);
        Assert.Equal("node1: run run-1 given 2 times (a/run, c/run)", finding.Reason);
    }

    [Fact]
    public void Two_runs_of_one_machine_are_a_duplicate()
    {
        ClusterFinding finding = Assert.Single(DuplicateRuns.Find([Node("node1", "0123456789abcdef", "run-1"), Node("node1", "0123456789abcdef", "run-2")]));
        Assert.Equal(["#1 (node1)", "#2 (node1)"], finding.Nodes);
        Assert.Contains("2 inputs from one machine (machine id 01234567…)", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Machines_sharing_a_host_name_are_not_duplicates()
    {
        Assert.Empty(DuplicateRuns.Find([Node("c", "m1", "r1"), Node("c", "m2", "r2"), Node("c", null, "r3"), Node("c", null, "r4")]));
    }

    [Fact]
    public void In_a_cluster_two_nodes_of_one_machine_are_named()
    {
        var nodes = NodeIdentities.Assign([new("n", "m1"), new("n", "m1"), new("o", "m2")]);
        var inputs = nodes.Select(n => new NodeInput(n, NodeState.NotAnswering, null, null)).ToList();
        ClusterFinding finding = Assert.Single(DuplicateRuns.Find(inputs));
        Assert.Equal(["n", "n-2"], finding.Nodes);
    }

    private static Run Node(string host, string? machineId, string runId) =>
        RunFileTests.SampleRun() with { RunId = runId, System = SystemInfo.Unknown with { Host = host, MachineId = machineId } };
}
