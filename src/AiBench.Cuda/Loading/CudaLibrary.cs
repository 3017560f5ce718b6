namespace AiBench.Cuda.Loading;

/// <summary>The native libraries this assembly loads.</summary>
public enum CudaLibrary
{
    /// <summary>libcuda.so.1, the CUDA driver API (part of the NVIDIA driver).</summary>
    Driver,

    /// <summary>libnvrtc.so.N, the run-time compiler (CUDA toolkit, or the nvidia-cuda-nvrtc wheel).</summary>
    Nvrtc,

    /// <summary>libcublasLt.so.N (CUDA toolkit, or the nvidia-cublas wheel).</summary>
    CublasLt,

    /// <summary>libnvidia-ml.so.1, NVML (part of the NVIDIA driver).</summary>
    Nvml,

    /// <summary>libnccl.so.2, NVIDIA's collectives (a system package, or the nvidia-nccl wheel PyTorch installs).</summary>
    Nccl,
}
