using System.Runtime.CompilerServices;
using AiBench.Core.Baselines;
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
/// GPU memory bandwidth (docs/methodology.md, gpu.memory). The STREAM kernels copy, scale, add, triad and read run on doubles
/// moved as 16-byte vectors, compiled by NVRTC for the device, over arrays of max(4 × L2, 1 GiB); device_copy is a
/// copy-engine cuMemcpyAsync on the device (counted twice and once: <c>device_copy_read_write</c>,
/// <c>device_local_copy</c>); h2d, d2h and bidir (<c>h2d_bidir</c>, <c>d2h_bidir</c>: each direction while the other
/// is busy, nvbandwidth's definition) copy between pinned host memory on the GPU's NUMA node and the device.
/// Bytes per operation follow <see cref="MemoryTraffic"/>; each sample is a batch of operations between two CUDA
/// events; results are validated afterwards. The metric is the test's name (see <see cref="GpuMemoryTests.Metrics"/>), in B/s.
/// </summary>
public sealed class GpuMemoryBenchmark : IBenchmark
{
    public string Id => "gpu.memory";

    public string Title => "GPU memory bandwidth (STREAM kernels, copy engines, PCIe)";

    public BaselineFamily Datasheet => BaselineFamily.Gpu;

    public ParameterSchema Parameters { get; } = new(
        new ParameterDefinition(
            "test", ParameterKind.Choice, GpuMemoryTests.AllNames,
            "copy, scale, add, triad, read (STREAM kernels); device_copy (copy engine); h2d, d2h, bidir (pinned host memory; "
            + "bidir gives h2d_bidir and d2h_bidir, each direction while the other is busy, as nvbandwidth)")
        {
            AllowedValues = GpuMemoryTests.Names,
        },
        new ParameterDefinition(
            "size", ParameterKind.Size, "auto",
            "bytes per array (kernels, device_copy) or per measured transfer (h2d, d2h, bidir, whose interfering copy is twice "
            + "this); auto = max(4 × L2, 1 GiB) per array, 1 GiB per transfer, capped by free memory")
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
        // One dedicated thread for the case: a CUDA context is current per thread, and host transfers bind it to the
        // GPU's NUMA node.
        IReadOnlyList<Measurement> measurements = await Task.Factory.StartNew(
            () => Measure(context, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        foreach (Measurement measurement in measurements)
        {
            yield return measurement;
        }
    }

    private IReadOnlyList<Measurement> Measure(BenchmarkContext context, CancellationToken cancellationToken)
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
            IReadOnlyList<MemoryTestResult> results;
            string? hostMemory = null;
            long bytesPerBuffer;
            if (test.IsHostTransfer())
            {
                // bidir: the measured buffers plus the interfering ones, twice as large.
                long bytes = MemorySizing.TransferBytes(requestedBytes, memory.FreeBytes, test == GpuMemoryTest.Bidirectional ? 3 : 1);
                bytesPerBuffer = bytes;
                using ThreadAffinity? binding = HostMemoryPlacement.BindToGpu(session.Device.PciBusId, out hostMemory);
                context.Report($"{test.Name()}: pinning {(test == GpuMemoryTest.Bidirectional ? 3 : 1)} × {ByteSize.FormatBinary(bytes)}, sampling");
                results = HostTransferRunner.Run(session, test, bytes, iterations, context.Policy, cancellationToken);
            }
            else
            {
                long arrayBytes = MemorySizing.ArrayBytes(requestedBytes, session.Device.L2CacheBytes, memory.FreeBytes, arrays: 3);
                bytesPerBuffer = arrayBytes;
                context.Report($"{test.Name()}: compiling stream.cu, initialising 3 × {ByteSize.FormatBinary(arrayBytes)}");
                using StreamModule module = StreamModule.Load(session);
                using StreamArrays arrays = StreamArrays.Allocate(session, module, arrayBytes);
                context.Report($"{test.Name()}: sampling");
                results = test == GpuMemoryTest.DeviceCopy
                    ? DeviceCopyRunner.Run(session, arrays, iterations, context.Policy, cancellationToken)
                    : [StreamKernelRunner.Run(session, module, arrays, test, blocksPerSm, iterations, context.Policy, cancellationToken)];
            }

            var shared = new Dictionary<string, string>(StringComparer.Ordinal);
            GpuInfo.AddTelemetry(shared, session.Device);
            GpuInfo.AddDevice(shared, session.Device);
            if (session.Device.TheoreticalMemoryBandwidth is { } theoretical && !test.IsHostTransfer())
            {
                shared["theoreticalBytesPerSecond"] = GpuInfo.Text(theoretical);
            }

            if (session.Device.Pcie is { } pcie && test.IsHostTransfer())
            {
                shared["pcieLink"] = $"gen {pcie.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} "
                    + $"x{pcie.Width?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";
            }

            if (hostMemory is not null)
            {
                shared["hostMemoryNuma"] = hostMemory;
            }

            IReadOnlyDictionary<string, ParameterValue>? resolved = context.Case.Resolve(("size", ParameterValue.Of(bytesPerBuffer)));
            return [.. results.Select(result => Figure(context, ordinal, result, shared) with { Resolved = resolved })];
        }
        catch (CudaException e)
        {
            throw new CouldNotRunException($"gpu.memory {test.Name()} on device {ordinal}: {e.Message}", e);
        }
    }

    private Measurement Figure(BenchmarkContext context, int ordinal, MemoryTestResult result, Dictionary<string, string> shared)
    {
        var info = new Dictionary<string, string>(result.Info, StringComparer.Ordinal);
        foreach ((string key, string value) in shared)
        {
            info[key] = value;
        }

        info[InfoKeys.StopReason] = result.Series.StopReason.ToString();
        info["warmupRuns"] = GpuInfo.Text(result.Series.WarmupRuns);
        return new Measurement
        {
            Benchmark = Id,
            Metric = result.Metric,
            Unit = Unit.BytesPerSecond,
            Better = Direction.Higher,
            Params = context.Case.Values,
            Labels = new Dictionary<string, string> { ["device"] = GpuInfo.Text(ordinal) },
            Samples = result.Series.Samples,
            Stats = SampleStatisticsEstimator.Estimate(result.Series.Samples, SampleKind.RateOfEqualWork),
            Correct = result.Correct,
            BaselineKey = result.BaselineKey,
            Info = info,
        };
    }
}
