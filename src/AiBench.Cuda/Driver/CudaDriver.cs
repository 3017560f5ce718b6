using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using AiBench.Core.Native;
using AiBench.Cuda.Loading;
using AiBench.Cuda.Native;

namespace AiBench.Cuda;

/// <summary>
/// Entry point to the CUDA driver: loads libcuda.so.1, calls <c>cuInit</c> once per process and answers whether any
/// device is usable. Without a driver or a device nothing throws: <see cref="TryInitialize"/> says why, in the form
/// "no CUDA device (libcuda.so.1 not found: looked in ...)".
/// </summary>
public static class CudaDriver
{
    private static readonly Lazy<DriverState> State = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when libcuda loaded, <c>cuInit</c> succeeded and at least one device exists.</summary>
    public static bool TryInitialize(out string reason)
    {
        DriverState state = State.Value;
        reason = state.Failure ?? "";
        return state.Failure is null;
    }

    /// <summary>Number of devices; 0 when there is no usable driver.</summary>
    public static int DeviceCount => State.Value.DeviceCount;

    /// <summary>The driver's CUDA version as cuDriverGetVersion returns it (12040 = 12.4); 0 when unavailable.</summary>
    public static int Version => State.Value.Version;

    public static string VersionText => FormatVersion(Version);

    /// <summary>12040 → "12.4".</summary>
    public static string FormatVersion(int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{version / 1000}.{version % 1000 / 10}");

    /// <summary>Throws <see cref="CudaException"/> with the reason when the driver or a device is missing.</summary>
    public static void EnsureInitialized()
    {
        if (!TryInitialize(out string reason))
        {
            throw new CudaException(reason);
        }
    }

    /// <summary>Describes device <paramref name="ordinal"/>; throws when it does not exist.</summary>
    public static unsafe CudaDeviceInfo GetDevice(int ordinal)
    {
        EnsureInitialized();
        if (ordinal < 0 || ordinal >= DeviceCount)
        {
            throw new CudaException(string.Create(
                CultureInfo.InvariantCulture, $"device {ordinal} does not exist ({DeviceCount} CUDA device(s): 0..{DeviceCount - 1})"));
        }

        CudaException.ThrowIfFailed(Interop.Cuda.cuDeviceGet(out int device, ordinal));
        byte* name = stackalloc byte[256];
        CudaException.ThrowIfFailed(Interop.Cuda.cuDeviceGetName(name, 256, device));
        byte* busId = stackalloc byte[64];
        CudaException.ThrowIfFailed(Interop.Cuda.cuDeviceGetPCIBusId(busId, 64, device));
        CudaException.ThrowIfFailed(Interop.Cuda.cuDeviceTotalMem_v2(out nuint totalMemory, device));
        string pciBusId = Marshal.PtrToStringUTF8((nint)busId) ?? "";
        return new CudaDeviceInfo
        {
            Ordinal = ordinal,
            Name = Marshal.PtrToStringUTF8((nint)name) ?? "unknown",
            Uuid = TryGetUuid(device),
            ComputeCapability = new ComputeCapability(
                Attribute(device, CuDeviceAttribute.ComputeCapabilityMajor), Attribute(device, CuDeviceAttribute.ComputeCapabilityMinor)),
            MultiprocessorCount = Attribute(device, CuDeviceAttribute.MultiprocessorCount),
            TotalMemoryBytes = (long)totalMemory,
            L2CacheBytes = Attribute(device, CuDeviceAttribute.L2CacheSize),
            MaxThreadsPerMultiprocessor = Attribute(device, CuDeviceAttribute.MaxThreadsPerMultiprocessor),
            MemoryBusWidthBits = OptionalAttribute(device, CuDeviceAttribute.GlobalMemoryBusWidth) ?? 0,
            ClockRateKHz = OptionalAttribute(device, CuDeviceAttribute.ClockRate),
            MemoryClockRateKHz = OptionalAttribute(device, CuDeviceAttribute.MemoryClockRate),
            AsyncEngineCount = OptionalAttribute(device, CuDeviceAttribute.AsyncEngineCount) ?? 0,
            EccEnabled = OptionalAttribute(device, CuDeviceAttribute.EccEnabled) is 1,
            PciBusId = pciBusId,
            Pcie = NvmlTelemetry.TryReadPcieLink(pciBusId),
        };
    }

    /// <summary>
    /// The driver's CUDA major version (12 for 12.4), read without cuInit; null without a driver. Used to skip
    /// toolkit libraries newer than the driver.
    /// </summary>
    internal static int? TryGetDriverMajorVersion()
    {
        if (!CudaLibraryLoader.Load(CudaLibrary.Driver).IsLoaded)
        {
            return null;
        }

        try
        {
            return Interop.Cuda.cuDriverGetVersion(out int version) == CuResult.Success && version > 0 ? version / 1000 : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static DriverState Initialize()
    {
        LoadedNativeLibrary library = CudaLibraryLoader.Load(CudaLibrary.Driver);
        if (!library.IsLoaded)
        {
            return DriverState.Failed($"no CUDA device ({library.Failure})");
        }

        try
        {
            CuResult result = Interop.Cuda.cuInit(0);
            if (result != CuResult.Success)
            {
                return DriverState.Failed(
                    $"no CUDA device (cuInit failed: {StatusText.DriverName(result)}: {StatusText.DriverDescription(result)})");
            }

            CudaException.ThrowIfFailed(Interop.Cuda.cuDriverGetVersion(out int version));
            CudaException.ThrowIfFailed(Interop.Cuda.cuDeviceGetCount(out int count));
            return count > 0
                ? new DriverState(null, count, version)
                : DriverState.Failed($"no CUDA device (the driver, CUDA {FormatVersion(version)}, reports no devices)");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or CudaException)
        {
            return DriverState.Failed($"no CUDA device ({e.Message})");
        }
    }

    private static int Attribute(int device, CuDeviceAttribute attribute)
    {
        CudaException.ThrowIfFailed(Interop.Cuda.cuDeviceGetAttribute(out int value, attribute, device));
        return value;
    }

    private static int? OptionalAttribute(int device, CuDeviceAttribute attribute) =>
        Interop.Cuda.cuDeviceGetAttribute(out int value, attribute, device) == CuResult.Success ? value : null;

    private static unsafe string? TryGetUuid(int device)
    {
        try
        {
            byte* uuid = stackalloc byte[16];
            if (Interop.Cuda.cuDeviceGetUuid_v2(uuid, device) != CuResult.Success)
            {
                return null;
            }

            var text = new StringBuilder("GPU-", 40);
            for (int i = 0; i < 16; i++)
            {
                if (i is 4 or 6 or 8 or 10)
                {
                    text.Append('-');
                }

                text.Append(uuid[i].ToString("x2", CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    private sealed record DriverState(string? Failure, int DeviceCount, int Version)
    {
        public static DriverState Failed(string failure) => new(failure, 0, 0);
    }
}
