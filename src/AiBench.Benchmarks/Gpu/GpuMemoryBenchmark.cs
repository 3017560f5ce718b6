using System.Runtime.CompilerServices;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;
using AiBench.Cuda;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// GPU memory bandwidth (DESIGN.md, gpu.memory). The STREAM kernels copy, scale, add, triad and read run on doubles
/// moved as 16-byte vectors, compiled by NVRTC for the device, over arrays of max(4 × L2, 1 GiB); device_copy is a
/// copy-engine cuMemcpyAsync on the device; h2d, d2h and bidir copy between pinned host memory and the device.
/// Bytes per operation follow <see cref="MemoryTraffic"/>; each sample is a batch of operations between two CUDA
/// events; results are validated afterwards. The metric is the test's name, in B/s.
/// </summary>
public sealed class GpuMemoryBenchmark : IBenchmark
{
    public string Id => "gpu.memory";

    public string Title => "GPU memory bandwidth (STREAM kernels, copy engines, PCIe)";

    public ParameterSchema Parameters { get; } = new(
        new ParameterDefinition(
            "test", ParameterKind.Choice, GpuMemoryTests.AllNames,
            "copy, scale, add, triad, read (STREAM kernels); device_copy (copy engine); h2d, d2h, bidir (pinned host memory)")
        {
            AllowedValues = GpuMemoryTests.Names,
        },
        new ParameterDefinition(
            "size", ParameterKind.Size, "auto",
            "bytes per array (kernels, device_copy) or per transfer (h2d, d2h, bidir); auto = max(4 × L2, 1 GiB) per array, "
            + "1 GiB per transfer, capped by free memory")
        {
            Unit = "B",
            Words = ["auto"],
            Minimum = 16,
        },
        new ParameterDefinition(
            "iterations", ParameterKind.Integer, "auto", "operations per sample; auto = about 30 ms (60 ms and 4 copies for host transfers)")
        {
            Words = ["auto"],
            Minimum = 1,
            Maximum = IterationCount.MaxIterations,
        },
        new ParameterDefinition(
            "blocks_per_sm", ParameterKind.Integer, "0",
            "STREAM kernels: blocks of 256 threads per multiprocessor (grid = SMs × this); 0 = one block per tile of 1024 vectors, so no block loops (BabelStream's launch shape)")
        {
            Minimum = 0,
            Maximum = 4096,
        },
        new ParameterDefinition("device", ParameterKind.Integer, "0", "CUDA device index")
        {
            Minimum = 0,
            Maximum = 1023,
        });

    public Availability Probe(SystemInfo system) => GpuAvailability.Check(needsCublasLt: false);

    public async IAsyncEnumerable<Measurement> RunAsync(
        BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One dedicated thread for the case: a CUDA context is current per thread.
        yield return await Task.Factory.StartNew(
            () => Measure(context, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private Measurement Measure(BenchmarkContext context, CancellationToken cancellationToken)
    {
        GpuMemoryTest test = GpuMemoryTests.Parse(context.Case.GetText("test"));
        long? requestedBytes = MemorySizing.WholeVectors(context.Case.GetOptionalInt64("size"));
        int? iterations = (int?)context.Case.GetOptionalInt64("iterations");
        int ordinal = context.Case.GetInt32("device");
        int blocksPerSm = context.Case.GetInt32("blocks_per_sm");
        GpuAvailability.EnsureReady(needsCublasLt: false);

        try
        {
            using GpuSession session = GpuSession.Open(ordinal);
            DeviceMemoryInfo memory = session.Context.GetMemoryInfo();
            MemoryTestResult result;
            if (test.IsHostTransfer())
            {
                long bytes = MemorySizing.TransferBytes(requestedBytes, memory.FreeBytes, test == GpuMemoryTest.Bidirectional ? 2 : 1);
                context.Report($"{test.Name()}: pinning 2 × {ByteSize.FormatBinary(bytes)}, sampling");
                result = HostTransferRunner.Run(session, test, bytes, iterations, context.Policy, cancellationToken);
            }
            else
            {
                long arrayBytes = MemorySizing.ArrayBytes(requestedBytes, session.Device.L2CacheBytes, memory.FreeBytes, arrays: 3);
                context.Report($"{test.Name()}: compiling stream.cu, initialising 3 × {ByteSize.FormatBinary(arrayBytes)}");
                using StreamModule module = StreamModule.Load(session);
                using StreamArrays arrays = StreamArrays.Allocate(session, module, arrayBytes);
                context.Report($"{test.Name()}: sampling");
                result = test == GpuMemoryTest.DeviceCopy
                    ? DeviceCopyRunner.Run(session, arrays, iterations, context.Policy, cancellationToken)
                    : StreamKernelRunner.Run(session, module, arrays, test, blocksPerSm, iterations, context.Policy, cancellationToken);
            }

            Dictionary<string, string> info = result.Info;
            GpuInfo.AddTelemetry(info, session.Device);
            GpuInfo.AddDevice(info, session.Device);
            if (session.Device.TheoreticalMemoryBandwidth is { } theoretical && !test.IsHostTransfer())
            {
                info["theoreticalBytesPerSecond"] = GpuInfo.Text(theoretical);
            }

            if (session.Device.Pcie is { } pcie && test.IsHostTransfer())
            {
                info["pcieLink"] = $"gen {pcie.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} "
                    + $"x{pcie.Width?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";
            }

            info["stopReason"] = result.Series.StopReason.ToString();
            info["warmupRuns"] = GpuInfo.Text(result.Series.WarmupRuns);
            return new Measurement
            {
                Benchmark = Id,
                Metric = test.Name(),
                Unit = Unit.BytesPerSecond,
                Better = Direction.Higher,
                Params = context.Case.Values,
                Labels = new Dictionary<string, string> { ["device"] = GpuInfo.Text(ordinal) },
                Samples = result.Series.Samples,
                Stats = SampleStatisticsEstimator.Estimate(result.Series.Samples),
                Correct = result.Correct,
                BaselineKey = test.BaselineKey(),
                Info = info,
            };
        }
        catch (CudaException e)
        {
            throw new CouldNotRunException($"gpu.memory {test.Name()} on device {ordinal}: {e.Message}", e);
        }
    }
}
