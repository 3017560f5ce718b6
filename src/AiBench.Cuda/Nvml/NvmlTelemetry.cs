using System.Runtime.InteropServices;
using AiBench.Core.Native;
using AiBench.Cuda.Loading;
using AiBench.Cuda.Native;

namespace AiBench.Cuda;

/// <summary>
/// Read-only NVML queries, all optional: without libnvidia-ml, or when a query is not supported, the answer is null
/// and the measurement simply carries no telemetry. NVML is initialised once and shut down at process exit.
/// Devices are found by PCI bus id, which (unlike the index) is the same for CUDA and NVML whatever
/// CUDA_VISIBLE_DEVICES says.
/// </summary>
public static class NvmlTelemetry
{
    private static readonly Lazy<string?> Initialization = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether NVML is usable; <paramref name="reason"/> says why not.</summary>
    public static bool TryInitialize(out string reason)
    {
        reason = Initialization.Value ?? "";
        return Initialization.Value is null;
    }

    /// <summary>The driver version NVML reports ("550.54.15"), or null.</summary>
    public static unsafe string? TryGetDriverVersion()
    {
        if (!TryInitialize(out _))
        {
            return null;
        }

        byte* text = stackalloc byte[96];
        return Interop.Nvml.nvmlSystemGetDriverVersion(text, 96) == NvmlReturn.Success ? Marshal.PtrToStringUTF8((nint)text) : null;
    }

    public static GpuTelemetry? TryRead(string pciBusId)
    {
        if (!TryGetDevice(pciBusId, out nint device))
        {
            return null;
        }

        return new GpuTelemetry
        {
            SmClockMHz = Query((out uint v) => Interop.Nvml.nvmlDeviceGetClockInfo(device, NvmlClockType.Sm, out v)),
            MemoryClockMHz = Query((out uint v) => Interop.Nvml.nvmlDeviceGetClockInfo(device, NvmlClockType.Memory, out v)),
            TemperatureCelsius = Query((out uint v) => Interop.Nvml.nvmlDeviceGetTemperature(device, 0, out v)),
            PowerWatts = Query((out uint v) => Interop.Nvml.nvmlDeviceGetPowerUsage(device, out v)) is { } milliwatts ? milliwatts / 1e3 : null,
            ClockEventReasons = Query((out ulong v) => Interop.Nvml.nvmlDeviceGetCurrentClocksEventReasons(device, out v))
                ?? Query((out ulong v) => Interop.Nvml.nvmlDeviceGetCurrentClocksThrottleReasons(device, out v)),
            EccVolatileUncorrected = Query((out ulong v) => Interop.Nvml.nvmlDeviceGetTotalEccErrors(device, 1, 0, out v)) is { } ecc
                ? (long)ecc
                : null,
        };
    }

    public static PcieLink? TryReadPcieLink(string pciBusId)
    {
        if (!TryGetDevice(pciBusId, out nint device))
        {
            return null;
        }

        return new PcieLink(
            Query((out uint v) => Interop.Nvml.nvmlDeviceGetCurrPcieLinkGeneration(device, out v)),
            Query((out uint v) => Interop.Nvml.nvmlDeviceGetCurrPcieLinkWidth(device, out v)),
            Query((out uint v) => Interop.Nvml.nvmlDeviceGetMaxPcieLinkGeneration(device, out v)),
            Query((out uint v) => Interop.Nvml.nvmlDeviceGetMaxPcieLinkWidth(device, out v)));
    }

    private static bool TryGetDevice(string pciBusId, out nint device)
    {
        device = 0;
        try
        {
            return TryInitialize(out _)
                && Interop.Nvml.nvmlDeviceGetHandleByPciBusId_v2(pciBusId, out device) == NvmlReturn.Success;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private delegate NvmlReturn Reader<T>(out T value);

    /// <summary>One optional query: null when NVML says no, or when this driver's NVML lacks the function.</summary>
    private static T? Query<T>(Reader<T> read)
        where T : struct
    {
        try
        {
            return read(out T value) == NvmlReturn.Success ? value : null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static int? Query(Reader<uint> read) => Query<uint>(read) is { } value ? (int)value : null;

    private static string? Initialize()
    {
        LoadedNativeLibrary library = CudaLibraryLoader.Load(CudaLibrary.Nvml);
        if (!library.IsLoaded)
        {
            return library.Failure;
        }

        try
        {
            NvmlReturn result = Interop.Nvml.nvmlInit_v2();
            if (result != NvmlReturn.Success)
            {
                return $"nvmlInit_v2 failed: {StatusText.NvmlName(result)}";
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => Interop.Nvml.nvmlShutdown();
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return e.Message;
        }
    }
}
