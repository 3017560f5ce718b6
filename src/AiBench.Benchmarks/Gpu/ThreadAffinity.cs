using System.Runtime.InteropServices;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// The calling thread's CPU affinity (Linux <c>sched_setaffinity</c>), bound for a scope and restored when it ends.
/// Pinned host memory is placed by the allocating thread (the kernel's default local policy), so binding the thread to
/// the GPU's CPUs before allocating puts the buffers on the GPU's NUMA node — nvbandwidth does the same with
/// <c>nvmlDeviceSetCpuAffinity</c> before <c>cuMemHostAlloc</c> — without libnuma.
/// </summary>
internal sealed class ThreadAffinity : IDisposable
{
    /// <summary>Mask bytes passed to the kernel: room for 8192 CPUs.</summary>
    private const int MaskBytes = 1024;

    private readonly byte[] _previous;
    private bool _restored;

    private ThreadAffinity(byte[] previous, IReadOnlyList<int> bound)
    {
        _previous = previous;
        Cpus = bound;
    }

    /// <summary>The CPUs the thread is bound to inside the scope.</summary>
    public IReadOnlyList<int> Cpus { get; }

    /// <summary>The CPUs the calling thread may run on, or null where that cannot be read (not Linux).</summary>
    public static IReadOnlyList<int>? Current()
    {
        byte[] mask = new byte[MaskBytes];
        return OperatingSystem.IsLinux() && Interop.Affinity.GetAffinity(0, MaskBytes, mask) == 0 ? CpuMask.Cpus(mask) : null;
    }

    /// <summary>
    /// Binds the calling thread to those of <paramref name="cpus"/> it may already run on (a cpuset or taskset is kept);
    /// null with the reason when there are none or the kernel refuses.
    /// </summary>
    public static ThreadAffinity? TryBind(IReadOnlyList<int> cpus, out string why)
    {
        byte[] previous = new byte[MaskBytes];
        if (!OperatingSystem.IsLinux() || Interop.Affinity.GetAffinity(0, MaskBytes, previous) != 0)
        {
            why = "the thread's CPU affinity cannot be read here";
            return null;
        }

        IReadOnlyList<int> allowed = CpuMask.Cpus(previous);
        int[] bound = [.. cpus.Intersect(allowed)];
        if (bound.Length == 0)
        {
            why = $"none of the GPU's CPUs ({CpuList.Format(cpus)}) is allowed to this process ({CpuList.Format(allowed)})";
            return null;
        }

        if (Interop.Affinity.SetAffinity(0, MaskBytes, CpuMask.Bytes(bound, MaskBytes)) != 0)
        {
            why = $"sched_setaffinity failed (errno {Marshal.GetLastPInvokeError()})";
            return null;
        }

        why = "";
        return new ThreadAffinity(previous, bound);
    }

    public void Dispose()
    {
        if (!_restored)
        {
            _restored = true;
            _ = Interop.Affinity.SetAffinity(0, MaskBytes, _previous);
        }
    }
}
