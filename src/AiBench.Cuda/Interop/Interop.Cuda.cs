using System.Runtime.InteropServices;
using AiBench.Cuda.Loading;
using AiBench.Cuda.Native;
using AiBench.Cuda.SafeHandles;

namespace AiBench.Cuda;

internal static partial class Interop
{
    /// <summary>
    /// The CUDA driver API (cuda.h). Entry points are the exact exported symbols: where cuda.h <c>#define</c>s a name
    /// to a versioned one (<c>cuMemAlloc</c> → <c>cuMemAlloc_v2</c>) the versioned symbol is imported. Methods keep the
    /// native names so a <see cref="CudaException"/> names the call that failed.
    /// </summary>
    internal static unsafe partial class Cuda
    {
        static Cuda() => CudaLibraryLoader.EnsureResolverRegistered();

        // Initialisation, version, errors

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuInit(uint flags);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuDriverGetVersion(out int driverVersion);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuGetErrorName(CuResult error, out nint text);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuGetErrorString(CuResult error, out nint text);

        // Devices

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuDeviceGetCount(out int count);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuDeviceGet(out int device, int ordinal);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuDeviceGetName(byte* name, int length, int device);

        /// <summary>cuDeviceGetUuid_v2 (CUDA 11.4+): 16 bytes, <c>CUuuid</c>.</summary>
        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuDeviceGetUuid_v2(byte* uuid, int device);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuDeviceTotalMem_v2(out nuint bytes, int device);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuDeviceGetAttribute(out int value, CuDeviceAttribute attribute, int device);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuDeviceGetPCIBusId(byte* pciBusId, int length, int device);

        // Contexts: the device's primary context, the one the CUDA runtime (and so cuBLASLt) uses

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuDevicePrimaryCtxRetain(out nint context, int device);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuDevicePrimaryCtxRelease_v2(int device);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuCtxSetCurrent(SafeCudaContextHandle context);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuCtxPushCurrent_v2(nint context);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuCtxPopCurrent_v2(out nint context);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuCtxSynchronize();

        // Memory

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuMemGetInfo_v2(out nuint free, out nuint total);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuMemAlloc_v2(out ulong devicePointer, nuint bytes);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuMemFree_v2(ulong devicePointer);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuMemAllocHost_v2(out nint hostPointer, nuint bytes);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuMemFreeHost(nint hostPointer);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuMemcpyHtoD_v2(ulong destination, void* source, nuint bytes);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuMemcpyDtoH_v2(void* destination, ulong source, nuint bytes);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuMemcpyHtoDAsync_v2(ulong destination, nint source, nuint bytes, SafeCudaStreamHandle stream);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuMemcpyDtoHAsync_v2(nint destination, ulong source, nuint bytes, SafeCudaStreamHandle stream);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuMemcpyDtoDAsync_v2(ulong destination, ulong source, nuint bytes, SafeCudaStreamHandle stream);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuMemsetD8_v2(ulong destination, byte value, nuint count);

        // Streams and events

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuStreamCreate(out nint stream, uint flags);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuStreamDestroy_v2(nint stream);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuStreamSynchronize(SafeCudaStreamHandle stream);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuStreamWaitEvent(SafeCudaStreamHandle stream, SafeCudaEventHandle cudaEvent, uint flags);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuEventCreate(out nint cudaEvent, uint flags);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuEventDestroy_v2(nint cudaEvent);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuEventRecord(SafeCudaEventHandle cudaEvent, SafeCudaStreamHandle stream);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuEventSynchronize(SafeCudaEventHandle cudaEvent);

        /// <summary>
        /// The original symbol, exported by every driver (CUDA 13 headers map the name to <c>cuEventElapsedTime_v2</c>,
        /// which older drivers lack); both measure the same interval for events recorded without flags.
        /// </summary>
        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuEventElapsedTime(out float milliseconds, SafeCudaEventHandle start, SafeCudaEventHandle end);

        // Modules and kernels

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuModuleLoadData(out nint module, void* image);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuModuleUnload(nint module);

        [LibraryImport(Libraries.Cuda, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial CuResult cuModuleGetFunction(out nint function, SafeCudaModuleHandle module, string name);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuLaunchKernel(
            nint function,
            uint gridDimX,
            uint gridDimY,
            uint gridDimZ,
            uint blockDimX,
            uint blockDimY,
            uint blockDimZ,
            uint sharedMemBytes,
            SafeCudaStreamHandle stream,
            void** kernelParams,
            void** extra);

        [LibraryImport(Libraries.Cuda)]
        internal static partial CuResult cuOccupancyMaxActiveBlocksPerMultiprocessor(
            out int blocks, nint function, int blockSize, nuint dynamicSharedMemBytes);
    }
}
