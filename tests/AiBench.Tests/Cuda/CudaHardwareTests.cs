using AiBench.Cuda;
using Xunit;

namespace AiBench.Tests.Cuda;

/// <summary>The bindings against a real device; skipped without one (<see cref="CudaFactAttribute"/>).</summary>
public class CudaHardwareTests
{
    [CudaFact]
    public void Device_zero_describes_itself()
    {
        CudaDeviceInfo device = CudaDriver.GetDevice(0);
        Assert.False(string.IsNullOrWhiteSpace(device.Name));
        Assert.True(device.MultiprocessorCount > 0);
        Assert.True(device.L2CacheBytes > 0);
        Assert.True(device.TotalMemoryBytes > 1L << 30);
        Assert.Matches("^[0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\\.[0-9]$", device.PciBusId);
        Assert.Throws<CudaException>(() => CudaDriver.GetDevice(CudaDriver.DeviceCount));
    }

    [CudaFact]
    public void Stream_kernels_compile_launch_and_copy()
    {
        using CudaContext context = CudaContext.Create(0);
        using CudaStream stream = CudaStream.Create(context);
        using CudaModule module = KernelImageCache.LoadModule(context, "stream.cu");
        const long vectors = 1 << 20;
        using DeviceBuffer a = DeviceBuffer.Allocate(context, vectors * 16);
        using DeviceBuffer b = DeviceBuffer.Allocate(context, vectors * 16);
        using DeviceBuffer c = DeviceBuffer.Allocate(context, vectors * 16);

        var init = default(KernelArguments);
        init.Add(a);
        init.Add(b);
        init.Add(c);
        init.Add(0.25);
        init.Add(0.5);
        init.Add(2.0);
        init.Add(vectors);
        module.GetKernel("stream_init").Launch(64, 256, stream, init);
        var copy = default(KernelArguments);
        copy.Add(a);
        copy.Add(c);
        copy.Add(vectors);
        CudaKernel kernel = module.GetKernel("stream_copy");
        Assert.True(kernel.MaxActiveBlocksPerMultiprocessor(256) > 0);
        kernel.Launch(64, 256, stream, copy);
        stream.Synchronize();

        double[] host = new double[2 * vectors];
        c.CopyTo<double>(host);
        Assert.All(host, v => Assert.Equal(0.25, v));
    }

    [CudaFact]
    public void Events_time_work_and_pinned_copies_round_trip()
    {
        using CudaContext context = CudaContext.Create(0);
        using CudaStream stream = CudaStream.Create(context);
        using CudaEvent start = CudaEvent.Create(context);
        using CudaEvent stop = CudaEvent.Create(context);
        using PinnedHostBuffer host = PinnedHostBuffer.Allocate(context, 64 << 20);
        using DeviceBuffer device = DeviceBuffer.Allocate(context, 64 << 20);
        host.AsSpan<byte>(0, 64 << 20).Fill(0x5A);

        start.Record(stream);
        device.CopyFromHostAsync(host, 64 << 20, stream);
        stop.Record(stream);
        stop.Synchronize();
        Assert.True(CudaEvent.ElapsedSeconds(start, stop) > 0);

        host.AsSpan<byte>(0, 64 << 20).Clear();
        device.CopyToHostAsync(host, 64 << 20, stream);
        stream.Synchronize();
        Assert.True(host.AsSpan<byte>(0, 64 << 20).IndexOfAnyExcept((byte)0x5A) < 0);
        Assert.True(context.GetMemoryInfo().FreeBytes > 0);
    }

    [CudaFact]
    public void A_compile_error_reports_the_nvrtc_log()
    {
        CudaException e = Assert.Throws<CudaException>(() =>
            NvrtcCompiler.Compile("extern \"C\" __global__ void broken() { this is not cuda; }", "broken.cu", CudaDriver.GetDevice(0).ComputeCapability));
        Assert.Contains("broken.cu", e.Message, StringComparison.Ordinal);
        Assert.Contains("NVRTC_ERROR_COMPILATION", e.Message, StringComparison.Ordinal);
    }

    [CudaFact]
    public void A_failing_call_names_itself()
    {
        using CudaContext context = CudaContext.Create(0);
        CudaException e = Assert.Throws<CudaException>(() => DeviceBuffer.Allocate(context, 1L << 50));
        Assert.Contains("cuMemAlloc_v2", e.Message, StringComparison.Ordinal);
        Assert.Contains("CUDA_ERROR_OUT_OF_MEMORY", e.Message, StringComparison.Ordinal);
    }
}
