using AiBench.Core.Results;

namespace AiBench.Core.Cluster;

/// <summary>What a node says about itself before it has a unique name: the input of <see cref="NodeIdentities.Assign"/>.</summary>
public sealed record NodeDescription(string Host, string? MachineId = null, IReadOnlyList<string>? GpuUuids = null, IReadOnlyList<int>? Ranks = null)
{
    /// <summary>The description a run's system gives (host, machine id, GPU UUIDs; no ranks).</summary>
    public static NodeDescription Of(Run run) => new(
        run.System.Host,
        run.System.MachineId,
        run.System.Gpus.Select(g => g.Uuid).OfType<string>().ToList());
}
