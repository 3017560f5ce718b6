using System.Runtime.CompilerServices;
using AiBench.Cuda.Native;

namespace AiBench.Cuda;

/// <summary>
/// A CUDA driver, NVRTC, cuBLASLt or NVML call failed. The message names the call (its C# expression, which uses
/// the native function name), the status name and its description, e.g.
/// <c>Interop.Cuda.cuMemAlloc_v2(out ulong pointer, (nuint)bytes) failed: CUDA_ERROR_OUT_OF_MEMORY (out of memory)</c>.
/// Every status code of this assembly is checked by one of the <c>ThrowIfFailed</c> overloads.
/// </summary>
public sealed class CudaException : Exception
{
    public CudaException(string message) : base(message)
    {
    }

    public CudaException(string message, Exception inner) : base(message, inner)
    {
    }

    public CudaException(string library, string call, int status, string statusName, string detail)
        : base($"{call} failed: {statusName}{(string.IsNullOrEmpty(detail) ? "" : $" ({detail})")}")
    {
        Library = library;
        Call = call;
        Status = status;
        StatusName = statusName;
    }

    public CudaException()
    {
    }

    /// <summary>cuda, nvrtc, cublasLt or nvml; null for messages not tied to one call.</summary>
    public string? Library { get; }

    public string? Call { get; }

    public int Status { get; }

    public string? StatusName { get; }

    internal static void ThrowIfFailed(CuResult result, [CallerArgumentExpression(nameof(result))] string call = "")
    {
        if (result != CuResult.Success)
        {
            throw new CudaException("cuda", call, (int)result, StatusText.DriverName(result), StatusText.DriverDescription(result));
        }
    }

    internal static void ThrowIfFailed(NvrtcResult result, [CallerArgumentExpression(nameof(result))] string call = "")
    {
        if (result != NvrtcResult.Success)
        {
            throw new CudaException("nvrtc", call, (int)result, StatusText.NvrtcName(result), "");
        }
    }

    internal static void ThrowIfFailed(CublasStatus status, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        if (status != CublasStatus.Success)
        {
            throw new CudaException("cublasLt", call, (int)status, StatusText.CublasName(status), StatusText.CublasDescription(status));
        }
    }

    internal static void ThrowIfFailed(NvmlReturn result, [CallerArgumentExpression(nameof(result))] string call = "")
    {
        if (result != NvmlReturn.Success)
        {
            throw new CudaException("nvml", call, (int)result, StatusText.NvmlName(result), "");
        }
    }
}
