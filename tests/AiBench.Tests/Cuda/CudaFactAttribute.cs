using AiBench.Cuda;
using Xunit;

namespace AiBench.Tests.Cuda;

/// <summary>
/// A fact that needs a CUDA device, NVRTC and cuBLASLt; skipped at run time, with the reason, where any is missing
/// (xunit 2 decides Skip when the attribute is constructed).
/// </summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (MissingReason() is { } reason)
        {
            Skip = reason;
        }
    }

    public static string? MissingReason()
    {
        if (!CudaDriver.TryInitialize(out string reason))
        {
            return reason.StartsWith("no CUDA device", StringComparison.Ordinal) ? reason : $"no CUDA device ({reason})";
        }

        if (!NvrtcCompiler.TryLoad(out reason))
        {
            return $"no CUDA NVRTC ({reason})";
        }

        return CublasLtLibrary.TryLoad(out reason) ? null : $"no CUDA cuBLASLt ({reason})";
    }
}
