using AiBench.Core.Cluster;
using AiBench.Core.Hosts;
using AiBench.Core.Results;
using AiBench.Tests.Core;
using Xunit;

namespace AiBench.Tests.Cluster;

public class NodeIdentitiesTests
{
    [Fact]
    public void Distinct_hosts_keep_their_names_made_folder_safe()
    {
        var nodes = NodeIdentities.Assign([new("node1", "aa"), new("gpu node/2", "bb"), new("..", "cc"), new("x_y.z-1")]);
        Assert.Equal(["node1", "gpu-node-2", "node", "x_y.z-1"], nodes.Select(n => n.Name));
        Assert.Equal("gpu node/2", nodes[1].Host);
    }

    [Fact]
    public void Distinct_machines_sharing_a_host_name_get_their_machine_id()
    {
        var nodes = NodeIdentities.Assign(
        [
            new("worker", "0123456789abcdef", ["GPU-1"], [0, 1]),
            new("worker", "fedcba9876543210", ["GPU-2"], [2, 3]),
            new("other", "1111111111111111"),
        ]);
        Assert.Equal(["worker-01234567", "worker-fedcba98", "other"], nodes.Select(n => n.Name));
        Assert.Equal(["GPU-2"], nodes[1].GpuUuids);
        Assert.Equal([2, 3], nodes[1].Ranks);
    }

    [Fact]
    public void Nodes_not_even_the_machine_id_separates_are_numbered()
    {
        var nodes = NodeIdentities.Assign([new("c", null), new("c", null), new("c", "abcdef0123"), new("c-2", "99"), new("c", null)]);
        Assert.Equal(["c", "c-3", "c-abcdef01", "c-2", "c-4"], nodes.Select(n => n.Name));
        Assert.Equal(nodes.Count, nodes.Select(n => n.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Host_names_differing_only_in_case_are_told_apart()
    {
        var nodes = NodeIdentities.Assign([new("Node1", "aaaaaaaa11"), new("node1", "bbbbbbbb22")]);
        Assert.Equal(["Node1-aaaaaaaa", "node1-bbbbbbbb"], nodes.Select(n => n.Name));
    }

    [Fact]
    public void A_run_describes_its_node_by_host_machine_id_and_gpus()
    {
        Run run = RunFileTests.SampleRun() with
        {
            System = SystemInfo.Unknown with { Host = "h", MachineId = "m1", Gpus = [new GpuInfo { Index = 0, Name = "H100", Uuid = "GPU-x" }] },
        };
        NodeDescription description = NodeDescription.Of(run);
        Assert.Equal(("h", "m1"), (description.Host, description.MachineId));
        Assert.Equal(["GPU-x"], description.GpuUuids!);
    }
}
