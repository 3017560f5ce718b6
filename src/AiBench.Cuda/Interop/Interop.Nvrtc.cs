using System.Runtime.InteropServices;
using AiBench.Cuda.Loading;
using AiBench.Cuda.Native;
using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

internal static partial class Interop
{
    /// <summary>NVRTC, the CUDA run-time compiler (nvrtc.h; the API is unchanged from CUDA 11.2 to 13).</summary>
    internal static unsafe partial class Nvrtc
    {
        static Nvrtc() => CudaLibraryLoader.EnsureResolverRegistered();

        [LibraryImport(Libraries.Nvrtc)]
        internal static partial nint nvrtcGetErrorString(NvrtcResult result);

        [LibraryImport(Libraries.Nvrtc)]
        internal static partial NvrtcResult nvrtcVersion(out int major, out int minor);

        /// <summary>
        /// <c>nvrtcCreateProgram(nvrtcProgram*, const char* src, const char* name, int numHeaders,
        /// const char* const* headers, const char* const* includeNames)</c>.
        /// </summary>
        [LibraryImport(Libraries.Nvrtc)]
        internal static partial NvrtcResult nvrtcCreateProgram(
            out nint program, byte* source, byte* name, int headerCount, byte** headers, byte** includeNames);

        [LibraryImport(Libraries.Nvrtc)]
        internal static partial NvrtcResult nvrtcDestroyProgram(ref nint program);

        [LibraryImport(Libraries.Nvrtc)]
        internal static partial NvrtcResult nvrtcCompileProgram(SafeNvrtcProgramHandle program, int optionCount, byte** options);

        [LibraryImport(Libraries.Nvrtc)]
        internal static partial NvrtcResult nvrtcGetProgramLogSize(SafeNvrtcProgramHandle program, out nuint size);

        [LibraryImport(Libraries.Nvrtc)]
        internal static partial NvrtcResult nvrtcGetProgramLog(SafeNvrtcProgramHandle program, byte* log);

        [LibraryImport(Libraries.Nvrtc)]
        internal static partial NvrtcResult nvrtcGetPTXSize(SafeNvrtcProgramHandle program, out nuint size);

        [LibraryImport(Libraries.Nvrtc)]
        internal static partial NvrtcResult nvrtcGetPTX(SafeNvrtcProgramHandle program, byte* ptx);

        /// <summary>Available when the program was compiled for a real architecture (<c>sm_XX</c>), CUDA 11.1+.</summary>
        [LibraryImport(Libraries.Nvrtc)]
        internal static partial NvrtcResult nvrtcGetCUBINSize(SafeNvrtcProgramHandle program, out nuint size);

        [LibraryImport(Libraries.Nvrtc)]
        internal static partial NvrtcResult nvrtcGetCUBIN(SafeNvrtcProgramHandle program, byte* cubin);
    }
}
