using AiBench.Cuda.Native;
using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

/// <summary>
/// The cuBLASLt descriptors of one <see cref="CublasLtMatmulSpec"/>: operation (compute and scale type, transposes,
/// fp8 fast accumulation), the layouts of A, B, C and D (one layout when C and D share a type), and a heuristic
/// preference capping the workspace. It asks the
/// heuristic for candidate algorithms and runs products with alpha = 1, beta = 0.
/// </summary>
public sealed class CublasLtMatmulPlan : IDisposable
{
    private readonly CublasLtHandle _handle;
    private readonly SafeCublasLtMatmulDescHandle _operation;
    private readonly SafeCublasLtMatrixLayoutHandle _a;
    private readonly SafeCublasLtMatrixLayoutHandle _b;
    private readonly SafeCublasLtMatrixLayoutHandle _c;
    private readonly SafeCublasLtMatrixLayoutHandle _d;
    private readonly SafeCublasLtMatmulPreferenceHandle _preference;

    private CublasLtMatmulPlan(
        CublasLtHandle handle,
        CublasLtMatmulSpec spec,
        long workspaceLimitBytes,
        SafeCublasLtMatmulDescHandle operation,
        SafeCublasLtMatrixLayoutHandle a,
        SafeCublasLtMatrixLayoutHandle b,
        SafeCublasLtMatrixLayoutHandle c,
        SafeCublasLtMatrixLayoutHandle d,
        SafeCublasLtMatmulPreferenceHandle preference)
    {
        _handle = handle;
        Spec = spec;
        WorkspaceLimitBytes = workspaceLimitBytes;
        _operation = operation;
        _a = a;
        _b = b;
        _c = c;
        _d = d;
        _preference = preference;
    }

    public CublasLtMatmulSpec Spec { get; }

    public long WorkspaceLimitBytes { get; }

    public static unsafe CublasLtMatmulPlan Create(CublasLtHandle handle, CublasLtMatmulSpec spec, long workspaceLimitBytes)
    {
        SafeCublasLtMatmulDescHandle? operation = null;
        SafeCublasLtMatrixLayoutHandle? a = null, b = null, c = null, d = null;
        SafeCublasLtMatmulPreferenceHandle? preference = null;
        try
        {
            CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtMatmulDescCreate(out operation, spec.ComputeType, spec.ScaleType));
            int transA = (int)spec.TransA;
            int transB = (int)spec.TransB;
            CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtMatmulDescSetAttribute(
                operation, CublasLtMatmulDescAttribute.TransA, &transA, sizeof(int)));
            CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtMatmulDescSetAttribute(
                operation, CublasLtMatmulDescAttribute.TransB, &transB, sizeof(int)));
            if (spec.FastAccumulation)
            {
                sbyte fastAccumulation = 1;
                CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtMatmulDescSetAttribute(
                    operation, CublasLtMatmulDescAttribute.FastAccum, &fastAccumulation, sizeof(sbyte)));
            }

            (long aRows, long aColumns, long lda) = spec.AStorage;
            (long bRows, long bColumns, long ldb) = spec.BStorage;
            CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtMatrixLayoutCreate(
                out a, spec.InputType, (ulong)aRows, (ulong)aColumns, lda));
            CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtMatrixLayoutCreate(
                out b, spec.InputType, (ulong)bRows, (ulong)bColumns, ldb));
            CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtMatrixLayoutCreate(
                out d, spec.OutputType, (ulong)spec.M, (ulong)spec.N, spec.M));
            if (spec.CType is { } cType && cType != spec.OutputType)
            {
                CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtMatrixLayoutCreate(
                    out c, cType, (ulong)spec.M, (ulong)spec.N, spec.M));
            }
            else
            {
                c = d;
            }

            CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtMatmulPreferenceCreate(out preference));
            ulong workspace = (ulong)workspaceLimitBytes;
            CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtMatmulPreferenceSetAttribute(
                preference, CublasLtMatmulPreferenceAttribute.MaxWorkspaceBytes, &workspace, sizeof(ulong)));
            return new CublasLtMatmulPlan(handle, spec, workspaceLimitBytes, operation, a, b, c, d, preference);
        }
        catch
        {
            operation?.Dispose();
            a?.Dispose();
            b?.Dispose();
            if (!ReferenceEquals(c, d))
            {
                c?.Dispose();
            }

            d?.Dispose();
            preference?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Up to <paramref name="requested"/> algorithms, in the heuristic's order (its estimate of fastest first),
    /// keeping only usable ones within the workspace limit. Empty when cuBLASLt has none for this problem.
    /// </summary>
    public unsafe IReadOnlyList<CublasLtAlgorithm> Heuristics(int requested)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requested);
        var results = new CublasLtMatmulHeuristicResult[requested];
        int returned;
        fixed (CublasLtMatmulHeuristicResult* pointer = results)
        {
            CublasStatus status = Interop.CublasLt.cublasLtMatmulAlgoGetHeuristic(
                _handle.Handle, _operation, _a, _b, _c, _d, _preference, requested, pointer, out returned);
            if (status == CublasStatus.NotSupported)
            {
                return [];
            }

            CudaException.ThrowIfFailed(status);
        }

        var algorithms = new List<CublasLtAlgorithm>(returned);
        for (int i = 0; i < Math.Min(returned, requested); i++)
        {
            CublasLtMatmulHeuristicResult result = results[i];
            if (result.State == CublasStatus.Success && (long)result.WorkspaceSize <= WorkspaceLimitBytes)
            {
                algorithms.Add(new CublasLtAlgorithm(i + 1, result.Algo, (long)result.WorkspaceSize, result.WavesCount));
            }
        }

        return algorithms;
    }

    /// <summary>
    /// Enqueues D = op(A)·op(B) (alpha 1, beta 0, so C is not read; C and D share <paramref name="d"/>, as PyTorch
    /// passes them).
    /// Allocation-free; the pointers must hold the sizes <see cref="Spec"/> implies.
    /// </summary>
    public unsafe void Run(in CublasLtMatmulAlgo algorithm, ulong a, ulong b, ulong d, DeviceBuffer workspace, CudaStream stream)
    {
        CublasLtMatmulAlgo algo = algorithm;
        double alpha64 = 1.0, beta64 = 0.0;
        float alpha32 = 1.0f, beta32 = 0.0f;
        bool doubleScale = Spec.ScaleType == CudaDataType.R64F;
        void* alpha = doubleScale ? &alpha64 : &alpha32;
        void* beta = doubleScale ? &beta64 : &beta32;
        CudaException.ThrowIfFailed(Interop.CublasLt.cublasLtMatmul(
            _handle.Handle, _operation, alpha, a, _a, b, _b, beta, d, _c, d, _d, &algo,
            workspace.Pointer, (nuint)Math.Min(workspace.SizeBytes, WorkspaceLimitBytes), stream.Handle));
    }

    public void Dispose()
    {
        _preference.Dispose();
        if (!ReferenceEquals(_c, _d))
        {
            _c.Dispose();
        }

        _d.Dispose();
        _b.Dispose();
        _a.Dispose();
        _operation.Dispose();
    }
}
