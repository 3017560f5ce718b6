using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Whether the GPU benchmarks can run here: libcuda loads and reports a device, NVRTC loads (both benchmarks compile
/// kernels), and for gpu.matmul cuBLASLt loads. Never throws; the reason reads "no CUDA device (...)" when the
/// driver or a device is missing.
/// </summary>
internal static class GpuAvailability
{
    public static Availability Check(bool needsCublasLt)
    {
        try
        {
            return Reason(needsCublasLt) is { } reason ? Availability.Unavailable(reason) : Availability.Ready;
        }
        catch (Exception e)
        {
            return Availability.Unavailable($"no CUDA device ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>Throws <see cref="CouldNotRunException"/> with the reason when <see cref="Check"/> is not ready.</summary>
    public static void EnsureReady(bool needsCublasLt)
    {
        Availability availability = Check(needsCublasLt);
        if (!availability.IsReady)
        {
            throw new CouldNotRunException(availability.Reason ?? "no CUDA device");
        }
    }

    private static string? Reason(bool needsCublasLt)
    {
        if (!CudaDriver.TryInitialize(out string reason))
        {
            return reason;
        }

        if (!NvrtcCompiler.TryLoad(out reason))
        {
            return $"no NVRTC ({reason})";
        }

        return needsCublasLt && !CublasLtLibrary.TryLoad(out reason) ? $"no cuBLASLt ({reason})" : null;
    }
}
