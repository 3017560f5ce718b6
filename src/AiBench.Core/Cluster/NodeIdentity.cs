namespace AiBench.Core.Cluster;

/// <summary>
/// Who a node is: its host name plus what stays the same for one machine and differs between machines that share a
/// host name (containers, VMs): the systemd machine id and the GPU UUIDs. <see cref="Name"/> is the display and folder
/// name: the host name, or host-machineid8 where two nodes of one cluster share a host name.
/// </summary>
public sealed record NodeIdentity
{
    public required string Name { get; init; }

    public required string Host { get; init; }

    /// <summary><c>/etc/machine-id</c> (or <c>/var/lib/dbus/machine-id</c>); null where neither exists.</summary>
    public string? MachineId { get; init; }

    public IReadOnlyList<string> GpuUuids { get; init; } = [];

    /// <summary>The MPI ranks that ran on this node; the first speaks for it.</summary>
    public IReadOnlyList<int> Ranks { get; init; } = [];
}
