using System.Globalization;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Puts a host-transfer case's pinned buffers on the GPU's NUMA node: binds the case's thread to the GPU's local CPUs
/// (<see cref="GpuLocality"/>) before the buffers are allocated and keeps it there while the copies are issued, as
/// nvbandwidth does (memcpy.cpp, HostBuffer: setOptimalCpuAffinity before cuMemHostAlloc).
/// </summary>
internal static class HostMemoryPlacement
{
    /// <summary>The binding to dispose after the case (null: not bound), and what happened, for Info.</summary>
    public static ThreadAffinity? BindToGpu(string pciBusId, out string description)
    {
        GpuLocality locality = GpuLocality.Read(pciBusId);
        string node = locality.NumaNode is { } n ? $"NUMA node {n.ToString(CultureInfo.InvariantCulture)}" : "no NUMA node in sysfs";
        if (locality.Cpus is not { } cpus)
        {
            description = $"{node}; not bound ({locality.Source})";
            return null;
        }

        ThreadAffinity? binding = ThreadAffinity.TryBind(cpus, out string why);
        description = binding is null
            ? $"{node}; not bound: {why}"
            : $"{node}; thread bound to CPUs {CpuList.Format(binding.Cpus)} ({locality.Source}) while allocating and copying";
        return binding;
    }
}
