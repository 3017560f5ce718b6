using System.Runtime.InteropServices;
using AiBench.Cuda.Loading;
using AiBench.Cuda.Native;
using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

internal static partial class Interop
{
    /// <summary>cuBLASLt (cublasLt.h). Descriptor attributes are set through <c>const void* buf, size_t size</c>.</summary>
    internal static unsafe partial class CublasLt
    {
        static CublasLt() => CudaLibraryLoader.EnsureResolverRegistered();

        [LibraryImport(Libraries.CublasLt)]
        internal static partial nuint cublasLtGetVersion();

        /// <summary>Present since cuBLAS 11.4; callers fall back to their own names when the symbol is missing.</summary>
        [LibraryImport(Libraries.CublasLt)]
        internal static partial nint cublasLtGetStatusString(CublasStatus status);

        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtCreate(out nint handle);

        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtDestroy(nint handle);

        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtMatmulDescCreate(
            out SafeCublasLtMatmulDescHandle descriptor, CublasComputeType computeType, CudaDataType scaleType);

        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtMatmulDescDestroy(nint descriptor);

        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtMatmulDescSetAttribute(
            SafeCublasLtMatmulDescHandle descriptor, CublasLtMatmulDescAttribute attribute, void* buffer, nuint size);

        /// <summary><c>cublasLtMatrixLayoutCreate(layout*, cudaDataType type, uint64_t rows, uint64_t cols, int64_t ld)</c>.</summary>
        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtMatrixLayoutCreate(
            out SafeCublasLtMatrixLayoutHandle layout, CudaDataType type, ulong rows, ulong columns, long leadingDimension);

        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtMatrixLayoutDestroy(nint layout);

        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtMatmulPreferenceCreate(out SafeCublasLtMatmulPreferenceHandle preference);

        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtMatmulPreferenceDestroy(nint preference);

        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtMatmulPreferenceSetAttribute(
            SafeCublasLtMatmulPreferenceHandle preference, CublasLtMatmulPreferenceAttribute attribute, void* buffer, nuint size);

        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtMatmulAlgoGetHeuristic(
            SafeCublasLtHandle handle,
            SafeCublasLtMatmulDescHandle operation,
            SafeCublasLtMatrixLayoutHandle a,
            SafeCublasLtMatrixLayoutHandle b,
            SafeCublasLtMatrixLayoutHandle c,
            SafeCublasLtMatrixLayoutHandle d,
            SafeCublasLtMatmulPreferenceHandle preference,
            int requestedAlgoCount,
            CublasLtMatmulHeuristicResult* results,
            out int returnedAlgoCount);

        /// <summary>D = alpha·op(A)·op(B) + beta·C; alpha and beta are host pointers of the scale type.</summary>
        [LibraryImport(Libraries.CublasLt)]
        internal static partial CublasStatus cublasLtMatmul(
            SafeCublasLtHandle handle,
            SafeCublasLtMatmulDescHandle operation,
            void* alpha,
            ulong a,
            SafeCublasLtMatrixLayoutHandle aLayout,
            ulong b,
            SafeCublasLtMatrixLayoutHandle bLayout,
            void* beta,
            ulong c,
            SafeCublasLtMatrixLayoutHandle cLayout,
            ulong d,
            SafeCublasLtMatrixLayoutHandle dLayout,
            CublasLtMatmulAlgo* algo,
            ulong workspace,
            nuint workspaceBytes,
            SafeCudaStreamHandle stream);
    }
}
