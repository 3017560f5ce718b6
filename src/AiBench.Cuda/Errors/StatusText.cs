using System.Globalization;
using System.Runtime.InteropServices;
using AiBench.Cuda.Native;

namespace AiBench.Cuda;

/// <summary>Names and descriptions of status codes, from the libraries themselves where they provide them.</summary>
internal static class StatusText
{
    public static string DriverName(CuResult result) =>
        Ask(() => Interop.Cuda.cuGetErrorName(result, out nint text) == CuResult.Success ? text : 0)
        ?? $"CUresult {(int)result}";

    public static string DriverDescription(CuResult result) =>
        Ask(() => Interop.Cuda.cuGetErrorString(result, out nint text) == CuResult.Success ? text : 0) ?? "";

    public static string NvrtcName(NvrtcResult result) =>
        Ask(() => Interop.Nvrtc.nvrtcGetErrorString(result)) ?? $"nvrtcResult {(int)result}";

    public static string NvmlName(NvmlReturn result) =>
        Ask(() => Interop.Nvml.nvmlErrorString(result)) ?? $"nvmlReturn_t {(int)result}";

    /// <summary>The enumerator name from cublas_api.h; the table needs no library call, so it works for any version.</summary>
    public static string CublasName(CublasStatus status) => status switch
    {
        CublasStatus.Success => "CUBLAS_STATUS_SUCCESS",
        CublasStatus.NotInitialized => "CUBLAS_STATUS_NOT_INITIALIZED",
        CublasStatus.AllocFailed => "CUBLAS_STATUS_ALLOC_FAILED",
        CublasStatus.InvalidValue => "CUBLAS_STATUS_INVALID_VALUE",
        CublasStatus.ArchMismatch => "CUBLAS_STATUS_ARCH_MISMATCH",
        CublasStatus.MappingError => "CUBLAS_STATUS_MAPPING_ERROR",
        CublasStatus.ExecutionFailed => "CUBLAS_STATUS_EXECUTION_FAILED",
        CublasStatus.InternalError => "CUBLAS_STATUS_INTERNAL_ERROR",
        CublasStatus.NotSupported => "CUBLAS_STATUS_NOT_SUPPORTED",
        CublasStatus.LicenseError => "CUBLAS_STATUS_LICENSE_ERROR",
        _ => string.Create(CultureInfo.InvariantCulture, $"cublasStatus_t {(int)status}"),
    };

    public static string CublasDescription(CublasStatus status) =>
        Ask(() => Interop.CublasLt.cublasLtGetStatusString(status)) ?? "";

    /// <summary>Reads a C string a library returned; null when the library or the symbol is missing.</summary>
    private static string? Ask(Func<nint> call)
    {
        try
        {
            nint text = call();
            return text == 0 ? null : Marshal.PtrToStringUTF8(text);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}
