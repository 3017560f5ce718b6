using System.Runtime.InteropServices;
using AiBench.Cuda.Loading;
using AiBench.Cuda.Native;

namespace AiBench.Cuda;

internal static partial class Interop
{
    /// <summary>NVML (nvml.h), read-only queries. A device handle (<c>nvmlDevice_t</c>) is owned by NVML, never freed.</summary>
    internal static unsafe partial class Nvml
    {
        static Nvml() => CudaLibraryLoader.EnsureResolverRegistered();

        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlInit_v2();

        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlShutdown();

        [LibraryImport(Libraries.Nvml)]
        internal static partial nint nvmlErrorString(NvmlReturn result);

        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlSystemGetDriverVersion(byte* version, uint length);

        [LibraryImport(Libraries.Nvml, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial NvmlReturn nvmlDeviceGetHandleByPciBusId_v2(string pciBusId, out nint device);

        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlDeviceGetClockInfo(nint device, NvmlClockType type, out uint megahertz);

        /// <summary>Sensor 0 = <c>NVML_TEMPERATURE_GPU</c>; degrees Celsius.</summary>
        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlDeviceGetTemperature(nint device, int sensor, out uint celsius);

        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlDeviceGetPowerUsage(nint device, out uint milliwatts);

        /// <summary>NVML 12.2+ name; drivers before it export only <see cref="nvmlDeviceGetCurrentClocksThrottleReasons"/>.</summary>
        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlDeviceGetCurrentClocksEventReasons(nint device, out ulong reasons);

        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlDeviceGetCurrentClocksThrottleReasons(nint device, out ulong reasons);

        /// <summary>errorType 1 = uncorrected, counterType 0 = volatile (since the driver loaded).</summary>
        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlDeviceGetTotalEccErrors(nint device, int errorType, int counterType, out ulong count);

        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlDeviceGetCurrPcieLinkGeneration(nint device, out uint generation);

        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlDeviceGetCurrPcieLinkWidth(nint device, out uint width);

        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlDeviceGetMaxPcieLinkGeneration(nint device, out uint generation);

        [LibraryImport(Libraries.Nvml)]
        internal static partial NvmlReturn nvmlDeviceGetMaxPcieLinkWidth(nint device, out uint width);
    }
}
