using System.Globalization;
using System.Runtime.CompilerServices;
using AiBench.Core.Baselines;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.Storage;

/// <summary>
/// NVMe and file I/O with the native engine (io_uring, libaio as fallback): O_DIRECT, aligned buffers, a block
/// size at a queue depth from one or more jobs, time-based with the ramp-up excluded. One case = one workload on a
/// fresh file (filled with incompressible data first, deleted afterwards) or on a block device (reads only unless
/// allowed). Every figure is fio's, per direction (see <see cref="StorageIoFigures"/>): bandwidth and IOPS over the
/// whole measured interval, latency percentiles (fio's clat: submission to completion) of its merged histogram; the
/// measured interval is also cut into time slices, kept as the spread over time.
/// </summary>
public sealed class StorageIoBenchmark : IBenchmark
{
    /// <summary>Target length of one time slice (one sample of slice-iops).</summary>
    private const double SliceSeconds = 0.25;

    public string Id => "storage.io";

    public string Title => "NVMe and file I/O (io_uring, O_DIRECT)";

    public BaselineFamily Datasheet => BaselineFamily.Drive;

    public ParameterSchema Parameters { get; } = new(
        new ParameterDefinition("workload", ParameterKind.Choice, "seqread-1m-qd32,randread-4k-qd32", "named workload (fio's usual set)")
        {
            AllowedValues = StorageWorkload.Names,
        },
        new ParameterDefinition(
            "target", ParameterKind.Text, "scratch",
            "folder (a fresh file is created there and deleted), existing file, or block device (reads only unless allow-destructive); scratch = the run's scratch folder")
        {
            Words = ["scratch"],
        },
        new ParameterDefinition("size", ParameterKind.Size, "1GiB", "size of the test file (or of the region of a device or file)")
        {
            Unit = "B",
            Minimum = 4096,
        },
        new ParameterDefinition("runtime", ParameterKind.Duration, "10s", "measured time per workload, after the ramp")
        {
            Unit = "s",
            Minimum = 0.05,
            Maximum = 86400,
        },
        new ParameterDefinition("ramp", ParameterKind.Duration, "2s", "time run first and not counted")
        {
            Unit = "s",
            Minimum = 0,
            Maximum = 3600,
        },
        new ParameterDefinition("bs", ParameterKind.Size, "auto", "block size; auto = the workload's")
        {
            Unit = "B",
            Words = ["auto"],
            Minimum = 512,
            Maximum = 64 << 20,
        },
        new ParameterDefinition("qd", ParameterKind.Integer, "auto", "queue depth per job; auto = the workload's")
        {
            Words = ["auto"],
            Minimum = 1,
            Maximum = 4096,
        },
        new ParameterDefinition("jobs", ParameterKind.Integer, "auto", "threads, each with its own ring; auto = the workload's")
        {
            Words = ["auto"],
            Minimum = 1,
            Maximum = 256,
        },
        new ParameterDefinition("read", ParameterKind.Integer, "auto", "percent of I/Os that read (70 = 70/30 mix); auto = the workload's")
        {
            Unit = "%",
            Words = ["auto"],
            Minimum = 0,
            Maximum = 100,
        },
        new ParameterDefinition("pattern", ParameterKind.Choice, "auto", "seq or rand offsets; auto = the workload's")
        {
            AllowedValues = ["auto", "seq", "rand"],
        },
        new ParameterDefinition("engine", ParameterKind.Choice, "auto", "io_uring, libaio, or auto (io_uring, libaio if it cannot be set up)")
        {
            AllowedValues = ["auto", "io_uring", "libaio"],
        },
        new ParameterDefinition("verify", ParameterKind.Boolean, "false", "writes carry offset, sequence and checksum; reads check them"),
        new ParameterDefinition("keep", ParameterKind.Boolean, "false", "keep the test file afterwards"),
        new ParameterDefinition("allow-destructive", ParameterKind.Boolean, "false", "allow writes to a block device or an existing file"));

    public Availability Probe(SystemInfo system) => IoEngineProbe.Check();

    public async IAsyncEnumerable<Measurement> RunAsync(
        BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A dedicated thread: the engine call blocks for the whole run.
        IReadOnlyList<Measurement> measurements = await Task.Factory.StartNew(
            () => Measure(context, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        foreach (Measurement m in measurements)
        {
            yield return m;
        }
    }

    internal static StorageWorkload Resolve(BenchmarkCase c)
    {
        StorageWorkload w = StorageWorkload.Parse(c.GetText("workload"));
        int? Number(string name) => c[name].IsNumber ? c.GetInt32(name) : null;
        string pattern = c.GetText("pattern");
        StorageWorkload resolved = w with
        {
            BlockSize = Number("bs") ?? w.BlockSize,
            QueueDepth = Number("qd") ?? w.QueueDepth,
            Jobs = Number("jobs") ?? w.Jobs,
            ReadPercent = Number("read") ?? w.ReadPercent,
            Random = pattern == "auto" ? w.Random : pattern == "rand",
        };
        if (resolved.BlockSize % 512 != 0)
        {
            throw new BadInputException($"parameter 'bs': {resolved.BlockSize} is not a multiple of 512 (O_DIRECT needs aligned blocks)");
        }

        return resolved;
    }

    private IReadOnlyList<Measurement> Measure(BenchmarkContext context, CancellationToken cancellationToken)
    {
        Availability availability = IoEngineProbe.Check();
        if (!availability.IsReady)
        {
            throw new CouldNotRunException(availability.Reason ?? "the I/O engine of libaibench_native is not available");
        }

        BenchmarkCase c = context.Case;
        StorageWorkload workload = Resolve(c);
        long size = c.GetInt64("size");
        double runtime = c.GetDouble("runtime");
        double ramp = c.GetDouble("ramp");
        bool verify = c.GetBoolean("verify");
        int engine = c.GetText("engine") switch
        {
            "io_uring" => Interop.IoEngine.EngineUring,
            "libaio" => Interop.IoEngine.EngineLibaio,
            _ => Interop.IoEngine.EngineAuto,
        };
        string targetText = c.GetText("target");
        if (targetText == "scratch")
        {
            Directory.CreateDirectory(context.ScratchDirectory);
            targetText = context.ScratchDirectory;
        }

        if (verify && workload.Writes && workload.Jobs > 1)
        {
            throw new BadInputException(
                "verify=true with a writing workload needs jobs=1: with more jobs one could read a block while another rewrites it");
        }

        if (size < workload.BlockSize)
        {
            throw new BadInputException($"parameter 'size': {ByteSize.FormatBinary(size)} is smaller than one block of {workload.BlockSize} B");
        }

        using StorageTarget target = StorageTarget.Open(
            targetText, size / workload.BlockSize * workload.BlockSize, workload.BlockSize, workload,
            c.GetBoolean("allow-destructive"), verify, c.GetBoolean("keep"), context.System);

        if (target.Owned)
        {
            context.Report($"{workload.Name}: filling {ByteSize.FormatBinary(target.Size)}");
            Fill(target, workload, verify, engine, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        context.Report($"{workload.Name}: {runtime:0.##} s after {ramp:0.##} s ramp");
        int slices = (int)Math.Clamp(Math.Round(runtime / SliceSeconds), 1, Interop.IoEngine.MaxSlices);
        IoRequest request = IoRequest.For(workload, target.Path, target.Size) with
        {
            Engine = engine,
            Verify = verify,
            RampSeconds = ramp,
            RunSeconds = runtime,
            Slices = slices,
        };
        IoOutcome outcome = IoEngineRunner.Run(request, cancellationToken);
        ThrowIfFailed(outcome, target, "the run", engine);
        if (outcome.CompleteSlices == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new CouldNotRunException($"{workload.Name}: no complete time slice was measured");
        }

        return Measurements(context, workload, target, outcome, verify);
    }

    private static void Fill(StorageTarget target, StorageWorkload workload, bool verify, int engine, CancellationToken cancellationToken)
    {
        // Every block written once, sequentially, with a header and random payload: incompressible, and verifiable
        // at the workload's block size (so the fill uses it when verifying; 1 MiB otherwise, which is faster).
        int fillBlock = !verify && target.Size % (1 << 20) == 0 ? 1 << 20 : workload.BlockSize;
        var fill = new IoRequest
        {
            Path = target.Path,
            Size = target.Size,
            BlockSize = fillBlock,
            QueueDepth = 16,
            Jobs = 1,
            ReadPercent = 0,
            Verify = true,
            Engine = engine,
            IoLimit = target.Size / fillBlock,
        };
        IoOutcome outcome = IoEngineRunner.Run(fill, cancellationToken);
        ThrowIfFailed(outcome, target, "filling the test file", engine);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static void ThrowIfFailed(IoOutcome outcome, StorageTarget target, string what, int engine)
    {
        string where = target.IsBlockDevice ? $"device '{target.Path}'" : $"'{target.Path}' ({target.FileSystem})";
        switch (outcome.Status)
        {
            case Interop.IoEngine.Ok:
                return;
            case Interop.IoEngine.ErrorDirect:
                throw new CouldNotRunException($"the file system of {where} refused O_DIRECT (errno {outcome.ErrorErrno}); pick a folder on a disk file system (ext4, xfs)");
            case Interop.IoEngine.ErrorOpen when outcome.ErrorErrno is 1 or 13:
                throw new CouldNotRunException($"no permission to open {where} (errno {outcome.ErrorErrno})");
            case Interop.IoEngine.ErrorOpen:
                throw new CouldNotRunException($"cannot open {where}: errno {outcome.ErrorErrno}");
            case Interop.IoEngine.ErrorSetup when engine == Interop.IoEngine.EngineUring:
                throw new CouldNotRunException(
                    $"io_uring could not be set up (errno {outcome.ErrorErrno}); check kernel.io_uring_disabled and the container's seccomp profile, or use engine=auto (falls back to libaio)");
            case Interop.IoEngine.ErrorSetup when engine == Interop.IoEngine.EngineLibaio:
                throw new CouldNotRunException($"libaio could not be set up (errno {outcome.ErrorErrno}); check fs.aio-max-nr");
            case Interop.IoEngine.ErrorSetup:
                throw new CouldNotRunException($"neither io_uring nor libaio could be set up (errno {outcome.ErrorErrno}); check kernel.io_uring_disabled and fs.aio-max-nr");
            case Interop.IoEngine.ErrorNoMemory:
                throw new CouldNotRunException("the I/O engine could not allocate its buffers");
            case Interop.IoEngine.ErrorIoFailed when outcome.ErrorErrno == 28:
                throw new CouldNotRunException($"{what} ran out of space on {where}");
            case Interop.IoEngine.ErrorIoFailed:
                throw new CouldNotRunException($"{what}: an I/O on {where} failed at offset {outcome.ErrorOffset} (errno {outcome.ErrorErrno})");
            case Interop.IoEngine.ErrorInvalid:
                throw new BadInputException($"the I/O engine rejected the configuration of {what}");
            default:
                throw new CouldNotRunException($"{what} on {where} failed: status {outcome.Status}, errno {outcome.ErrorErrno}");
        }
    }

    private List<Measurement> Measurements(BenchmarkContext context, StorageWorkload workload, StorageTarget target, IoOutcome outcome, bool verify)
    {
        var labels = new Dictionary<string, string>();
        if (target.Device is { } device)
        {
            labels["device"] = device.Name;
        }

        Correctness? correct = verify ? new Correctness(outcome.VerifyChecked, outcome.VerifyFailed) : null;
        IReadOnlyDictionary<string, ParameterValue>? resolved = Resolved(context.Case, workload, target, outcome);
        return StorageIoFigures.Build(Id, context.Case.Values, workload, outcome, labels, Info(workload, target, outcome), correct)
            .Select(m => m with { Resolved = resolved }).ToList();
    }

    /// <summary>What <c>auto</c> became: the workload's block size, depth, jobs, mix and pattern, the engine set up, the region used.</summary>
    private static IReadOnlyDictionary<string, ParameterValue>? Resolved(BenchmarkCase c, StorageWorkload workload, StorageTarget target, IoOutcome outcome) =>
        c.Resolve(
            ("bs", ParameterValue.Of(workload.BlockSize)),
            ("qd", ParameterValue.Of(workload.QueueDepth)),
            ("jobs", ParameterValue.Of(workload.Jobs)),
            ("read", ParameterValue.Of(workload.ReadPercent)),
            ("pattern", ParameterValue.Of(workload.Pattern)),
            ("engine", ParameterValue.Of(outcome.Engine)),
            ("size", ParameterValue.Of(target.Size)));

    private static Dictionary<string, string> Info(StorageWorkload workload, StorageTarget target, IoOutcome outcome)
    {
        var info = new Dictionary<string, string>
        {
            ["engine"] = outcome.Engine,
            ["fixedBuffers"] = outcome.FixedBuffers ? "true" : "false",
            ["blockSize"] = Format(workload.BlockSize),
            ["queueDepth"] = Format(workload.QueueDepth),
            ["jobs"] = Format(workload.Jobs),
            ["pattern"] = workload.Pattern,
            ["readPercent"] = Format(workload.ReadPercent),
            ["target"] = target.IsBlockDevice ? target.Path : target.Owned ? "fresh file" : target.Path,
            ["fileSystem"] = target.FileSystem,
            ["regionBytes"] = Format(target.Size),
            ["reads"] = Format(outcome.Reads),
            ["writes"] = Format(outcome.Writes),
            ["seconds"] = Format(outcome.Seconds),
            ["errors"] = Format(outcome.Errors),
            ["slices"] = Format(outcome.CompleteSlices),
            [InfoKeys.StopReason] = outcome.Cancelled ? "Cancelled" : "Runtime",
        };
        if (target.Device is { } device)
        {
            info["device"] = device.Name;
            info["deviceModel"] = device.Model ?? "unknown";
            info["nvme"] = device.IsNvme ? "true" : "false";
            if (device.PcieLink is { } link)
            {
                info["pcieLink"] = link;
            }
        }

        if (outcome.VerifyFailed > 0)
        {
            info["verifyFailed"] = Format(outcome.VerifyFailed);
            info["firstBadOffset"] = Format(outcome.FirstBadOffset);
        }

        return info;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
