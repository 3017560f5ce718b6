namespace AiBench.Cuda;

internal static partial class Interop
{
    /// <summary>
    /// The logical names every <c>[LibraryImport]</c> of this assembly uses. <see cref="Loading.CudaLibraryLoader"/>
    /// maps each to the file it actually loads (versioned names, pip wheels, CUDA_HOME, ...).
    /// </summary>
    internal static class Libraries
    {
        /// <summary>The CUDA driver; part of the NVIDIA driver, never of a toolkit or wheel.</summary>
        internal const string Cuda = "libcuda.so.1";

        /// <summary>The run-time compiler (versioned: libnvrtc.so.13, .12, .11 are tried).</summary>
        internal const string Nvrtc = "libnvrtc.so";

        /// <summary>cuBLASLt (versioned: libcublasLt.so.13, .12, .11 are tried).</summary>
        internal const string CublasLt = "libcublasLt.so";

        /// <summary>NVML, read-only telemetry; part of the NVIDIA driver.</summary>
        internal const string Nvml = "libnvidia-ml.so.1";

        /// <summary>NCCL (libnccl.so.2: system package or PyTorch's nvidia/nccl/lib wheel folder).</summary>
        internal const string Nccl = "libnccl.so.2";
    }
}
