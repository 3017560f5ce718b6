using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AiBench.Cuda.Native;
using Xunit;

namespace AiBench.Tests.Cuda;

/// <summary>The ABI facts the bindings depend on, checked against the values in cublasLt.h, library_types.h and cuda.h.</summary>
public class InteropLayoutTests
{
    [Fact]
    public void The_algorithm_descriptor_is_64_bytes() => Assert.Equal(64, Unsafe.SizeOf<CublasLtMatmulAlgo>());

    [Fact]
    public void The_heuristic_result_matches_cublasLt_h()
    {
        Assert.Equal(96, Unsafe.SizeOf<CublasLtMatmulHeuristicResult>());
        Assert.Equal(96, Marshal.SizeOf<CublasLtMatmulHeuristicResult>());
        Assert.Equal(0, Marshal.OffsetOf<CublasLtMatmulHeuristicResult>(nameof(CublasLtMatmulHeuristicResult.Algo)).ToInt32());
        Assert.Equal(64, Marshal.OffsetOf<CublasLtMatmulHeuristicResult>(nameof(CublasLtMatmulHeuristicResult.WorkspaceSize)).ToInt32());
        Assert.Equal(72, Marshal.OffsetOf<CublasLtMatmulHeuristicResult>(nameof(CublasLtMatmulHeuristicResult.State)).ToInt32());
        Assert.Equal(76, Marshal.OffsetOf<CublasLtMatmulHeuristicResult>(nameof(CublasLtMatmulHeuristicResult.WavesCount)).ToInt32());
    }

    [Fact]
    public void Enum_values_are_the_header_values()
    {
        Assert.Equal(0, (int)CudaDataType.R32F);
        Assert.Equal(1, (int)CudaDataType.R64F);
        Assert.Equal(2, (int)CudaDataType.R16F);
        Assert.Equal(14, (int)CudaDataType.R16BF);
        Assert.Equal(28, (int)CudaDataType.R8FE4M3);
        Assert.Equal(68, (int)CublasComputeType.Compute32F);
        Assert.Equal(70, (int)CublasComputeType.Compute64F);
        Assert.Equal(77, (int)CublasComputeType.Compute32FFastTF32);
        Assert.Equal(1, (int)CublasOperation.Transpose);
        Assert.Equal(3, (int)CublasLtMatmulDescAttribute.TransA);
        Assert.Equal(4, (int)CublasLtMatmulDescAttribute.TransB);
        Assert.Equal(25, (int)CublasLtMatmulDescAttribute.FastAccum);
        Assert.Equal(1, (int)CublasLtMatmulPreferenceAttribute.MaxWorkspaceBytes);
        Assert.Equal(16, (int)CuDeviceAttribute.MultiprocessorCount);
        Assert.Equal(38, (int)CuDeviceAttribute.L2CacheSize);
        Assert.Equal(75, (int)CuDeviceAttribute.ComputeCapabilityMajor);
        Assert.Equal(76, (int)CuDeviceAttribute.ComputeCapabilityMinor);
        Assert.Equal(5, (int)NvrtcResult.ErrorInvalidOption);
        Assert.Equal(15, (int)CublasStatus.NotSupported);
    }
}
