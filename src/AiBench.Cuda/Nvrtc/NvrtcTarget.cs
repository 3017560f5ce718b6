using System.Globalization;

namespace AiBench.Cuda;

/// <summary>
/// An NVRTC target: a real architecture (<c>sm_90a</c>, compiled to a CUBIN the driver loads as-is) or a virtual
/// one (<c>compute_90</c>, PTX the driver JIT-compiles).
/// </summary>
public sealed record NvrtcTarget(string Architecture, bool ProducesCubin)
{
    public string Option => $"--gpu-architecture={Architecture}";

    /// <summary>
    /// Targets to try for a device, best first: the exact architecture as CUBIN — with the 'a' suffix on Hopper
    /// (sm_90a, CUDA 12.0+) — then the plain architecture (an older NVRTC may not know the suffix), then PTX for the
    /// virtual architecture. CUBIN comes first because it needs no JIT and loads on any driver of the same major version.
    /// </summary>
    public static IReadOnlyList<NvrtcTarget> Candidates(ComputeCapability capability)
    {
        string number = capability.Number.ToString(CultureInfo.InvariantCulture);
        var targets = new List<NvrtcTarget>();
        if (capability is { Major: 9, Minor: 0 })
        {
            targets.Add(new NvrtcTarget($"sm_{number}a", ProducesCubin: true));
        }

        targets.Add(new NvrtcTarget($"sm_{number}", ProducesCubin: true));
        targets.Add(new NvrtcTarget($"compute_{number}", ProducesCubin: false));
        return targets;
    }
}
