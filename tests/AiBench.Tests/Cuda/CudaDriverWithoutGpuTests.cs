using AiBench.Cuda;
using Xunit;

namespace AiBench.Tests.Cuda;

/// <summary>What the bindings do on a machine without the driver (this one, in CI): report, never throw.</summary>
public class CudaDriverWithoutGpuTests
{
    [SkippableFact]
    public void Without_libcuda_initialisation_reports_why()
    {
        Skip.If(CudaDriver.TryInitialize(out _), "a GPU machine: the hardware tests cover the driver");

        Assert.False(CudaDriver.TryInitialize(out string reason));
        Assert.StartsWith("no CUDA device (", reason, StringComparison.Ordinal);
        Assert.Equal(0, CudaDriver.DeviceCount);
        Assert.Contains("no CUDA device", Assert.Throws<CudaException>(CudaDriver.EnsureInitialized).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Without_nvml_telemetry_is_simply_absent()
    {
        Skip.If(NvmlTelemetry.TryInitialize(out _), "NVML is present here; this test is about machines without it");

        Assert.Null(NvmlTelemetry.TryRead("0000:00:00.0"));
        Assert.Null(NvmlTelemetry.TryReadPcieLink("0000:00:00.0"));
        Assert.Null(NvmlTelemetry.TryGetDriverVersion());
    }
}
