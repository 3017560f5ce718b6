using AiBench.Core.Hosts;
using AiBench.Tests.Hosts;
using Xunit;

namespace AiBench.Tests.Cluster;

public class MachineIdTests
{
    [Fact]
    public void The_machine_id_is_read_from_etc_trimmed()
    {
        using FakeHostTree tree = new FakeHostTree()
            .File("/etc/machine-id", "  4c4c4544003510568052b7c04f4d3432 \n")
            .File("/var/lib/dbus/machine-id", "ffffffffffffffffffffffffffffffff\n");
        Assert.Equal("4c4c4544003510568052b7c04f4d3432", SystemInfoCollector.Collect(tree.Root, () => null).MachineId);
    }

    [Fact]
    public void Without_etc_machine_id_the_dbus_one_is_used()
    {
        using FakeHostTree tree = new FakeHostTree().File("/etc/machine-id", "\n").File("/var/lib/dbus/machine-id", "0123456789abcdef0123456789abcdef\n");
        Assert.Equal("0123456789abcdef0123456789abcdef", SystemInfoCollector.Collect(tree.Root, () => null).MachineId);
    }

    [Fact]
    public void Without_either_the_machine_id_is_null()
    {
        using FakeHostTree tree = new FakeHostTree().Folder("/etc");
        Assert.Null(SystemInfoCollector.Collect(tree.Root, () => null).MachineId);
    }
}
