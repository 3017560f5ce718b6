using System.Globalization;
using System.Runtime.CompilerServices;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Statistics;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.Collectives;

/// <summary>
/// A collective across the ranks of a job started by mpirun or srun (or a single rank), measured exactly as
/// nccl-tests measures it: a size sweep (minbytes … maxbytes × stepfactor), warm-up, a timed loop of iterations
/// per repetition, time per operation averaged over the ranks, algbw = S / t and busbw = algbw × factor (not on one
/// rank, where nothing moves between ranks), out-of-place and in-place, and a check with exactly predictable inputs
/// whose wrong elements are summed over ranks. The whole
/// sweep is one case, so the console shows nccl-tests' table with its average bus bandwidth. Every rank runs it;
/// only rank 0 yields measurements.
/// </summary>
public abstract class CollectiveBenchmark : IJobWideBenchmark
{


    /// <summary>
    /// Non-zero ranks wait this much longer than rank 0 before giving up (their MPI_Abort would end rank 0 too): rank 0
    /// needs the time to write the partial results — in a cluster run also the phase's report and the cluster verdict —
    /// and then aborts the job itself.
    /// </summary>
    private static readonly TimeSpan GraceForOtherRanks = TimeSpan.FromSeconds(90);


    private readonly Collective _collective;

    protected CollectiveBenchmark(Collective collective)
    {
        _collective = collective;
        var definitions = new List<ParameterDefinition>
        {
            new("backend", ParameterKind.Choice, "mpi", "mpi: MPI collectives on host memory; nccl: NCCL on one GPU per rank (device memory)")
            {
                AllowedValues = ["mpi", "nccl"],
            },
            new("minbytes", ParameterKind.Size, "8", "smallest size of the sweep (nccl-tests -b)") { Unit = "B", Minimum = 0 },
            new("maxbytes", ParameterKind.Size, "16MiB", "largest size of the sweep (nccl-tests -e)") { Unit = "B", Minimum = 0 },
            new("stepfactor", ParameterKind.Number, "2", "size multiplier between steps (nccl-tests -f)") { Minimum = 1.0001 },
            new("iterations", ParameterKind.Integer, "20", "timed operations per repetition (nccl-tests -n)") { Minimum = 1, Maximum = 1_000_000 },
            new("warmup", ParameterKind.Integer, "5", "untimed operations before each size (nccl-tests -w)") { Minimum = 0, Maximum = 1_000_000 },
            new("dtype", ParameterKind.Choice, "float32", "element type (nccl-tests -d)") { AllowedValues = CollectiveNames.DataTypes },
            new("op", ParameterKind.Choice, "sum", "reduction (nccl-tests -o); ignored by collectives that do not reduce")
            {
                AllowedValues = CollectiveNames.Ops,
            },
            new("inplace", ParameterKind.Choice, "both", "out-of-place (false), in-place (true) or both, as nccl-tests' two column groups")
            {
                AllowedValues = ["false", "true", "both"],
            },
            new("check", ParameterKind.Boolean, "true", "check every size's result against the exact expected values (nccl-tests -c)"),
            new("link-rate", ParameterKind.Text, "auto",
                "line rate to normalise busbw by: a rate (400gbit, 25GB/s) or a link of the datasheet catalog (ib-ndr, roce-400, nvlink4); auto = from sysfs when the ranks span several hosts"),
            new("timeout", ParameterKind.Duration, "60s", "a size that takes longer (a dead or hung rank) ends the run with exit code 3")
            {
                Unit = "s",
                Minimum = 0.1,
            },
        };
        if (collective == Collective.Broadcast)
        {
            definitions.Add(new("root", ParameterKind.Integer, "0", "the rank that broadcasts (nccl-tests -r)") { Minimum = 0 });
        }

        Parameters = new ParameterSchema([.. definitions]);
    }

    public string Id => _collective.Id();

    public bool IsPairTest => false;

    public abstract string Title { get; }

    public ParameterSchema Parameters { get; }


    /// <summary>Ready when either backend can run: the MPI shim loads, or a CUDA device and libnccl.so.2 are there.</summary>
    public Availability Probe(SystemInfo system)
    {
        Availability mpi = MpiSession.Probe();
        if (mpi.IsReady)
        {
            return mpi;
        }

        return NcclCollectiveRunner.Unavailable() is { } nccl
            ? Availability.Unavailable($"backend mpi: {mpi.Reason}; backend nccl: {nccl}")
            : Availability.Ready;
    }

    public async IAsyncEnumerable<Measurement> RunAsync(BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CollectiveSettings settings = CollectiveSettings.From(context.Case, _collective == Collective.Broadcast);
        TimeSpan timeout = settings.Timeout;
        IRankGroup group = settings.Backend == "mpi" || context.Launch.Size > 1 ? MpiSession.Get() : new SingleRankGroup();
        if (group.Rank != 0)
        {
            timeout += GraceForOtherRanks;
        }

        if (settings.Root >= group.Size)
        {
            throw new BadInputException($"parameter 'root': {settings.Root} is not a rank of this job (ranks 0..{group.Size - 1})");
        }

        int hosts = group.Hosts.Distinct(StringComparer.Ordinal).Count();
        int corruptRank = context.Faults.CorruptRank ?? -1;
        bool hangs = context.Faults.HangRank == group.Rank;
        int elementSize = settings.DataType.ElementSize();
        CollectiveSize[] sizes = [.. settings.Sizes.Select(b => CollectiveSize.For(_collective, b, elementSize, group.Size))];
        long sendBytes = sizes.Max(s => s.SendElements) * elementSize;
        long receiveBytes = sizes.Max(s => Math.Max(s.SendElements, s.ReceiveElements)) * elementSize;
        ICollectiveRunner runner = await Guarded<ICollectiveRunner>(
            context.Transcript, group, $"{Id} backend {settings.Backend} start-up", timeout, () => settings.Backend == "mpi"
                ? new MpiCollectiveRunner((MpiSession)group, _collective, settings, corruptRank, sendBytes, receiveBytes)
                : NcclCollectiveRunner.Create(group, group.LocalRank, _collective, settings, group.Rank == corruptRank, sendBytes, receiveBytes));
        try
        {
            IReadOnlyList<bool> placements = runner.Placements(settings.Placements);
            TimeSpan budgetPerPoint = context.Policy.CaseBudget / (sizes.Length * placements.Count);
            CollectiveTable? table = group.Rank == 0 ? new CollectiveTable(context.Transcript) : null;
            table?.WriteHeader(
                $"{Id}: {group.Size} rank(s) on {hosts} host(s), backend {settings.Backend}, {settings.DataType.Name()}, {runner.Transport}");
            var busBandwidths = new List<double>();
            for (int index = 0; index < sizes.Length; index++)
            {
                CollectiveSize size = sizes[index];
                // Ctrl-C or SIGTERM reaches the ranks at different moments: rank 0's state decides for all, so no rank
                // enters a collective the others have left.
                int step = group.NextStep();
                bool hangHere = hangs && index == 1;
                bool interrupted = await Guarded(context.Transcript, group, $"{Id} bytes={size.DisplayBytes} start", timeout, () =>
                {
                    if (hangHere)
                    {
                        Thread.Sleep(Timeout.Infinite);
                    }

                    group.Announce(step);
                    return group.Agree(group.Rank == 0 && cancellationToken.IsCancellationRequested);
                }, step);
                if (interrupted)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new OperationCanceledException("rank 0 was interrupted");
                }

                context.Report($"{Id} {ByteSize.FormatBinary(size.DisplayBytes)}");
                var results = new List<SizeResult>();
                foreach (bool inPlace in placements)
                {
                    string what = $"{Id} bytes={size.DisplayBytes} {(inPlace ? "in-place" : "out-of-place")}";
                    results.Add(await Guarded(context.Transcript, group, what, timeout, () => runner.Measure(size, inPlace, context.Policy, budgetPerPoint), step));
                }

                if (table is null)
                {
                    continue;
                }

                // The transport is known once the first operations connected the ranks (NCCL connects lazily).
                CollectiveLink link = CollectiveLink.Describe(context.System, hosts, settings.LinkRate, runner.Transport, context.Baselines);
                var row = new Dictionary<bool, CollectivePlacement>();
                foreach (SizeResult result in results)
                {
                    Measurement[] figures = Figures(result, settings, group, hosts, link, runner.Info, context.Launch.Launcher);
                    foreach (Measurement figure in figures)
                    {
                        yield return figure;
                    }

                    double? busbw = figures.SingleOrDefault(f => f.Metric == "busbw")?.Value;
                    if (busbw is { } reported)
                    {
                        busBandwidths.Add(reported);
                    }

                    row[result.InPlace] = new CollectivePlacement(
                        figures.Single(f => f.Metric == "time").Value, figures.SingleOrDefault(f => f.Metric == "algbw")?.Value, busbw, result.Wrong);
                }

                table.WriteRow(new CollectiveRow(
                    size.DisplayBytes, size.Count, settings.DataType.NcclName(), _collective.Reduces() ? settings.Op.Name() : "none",
                    _collective == Collective.Broadcast ? settings.Root : -1,
                    row.GetValueOrDefault(false), row.GetValueOrDefault(true)));
            }

            // No busbw (one rank) means no average either: a 0 here would read as a dead link.
            if (table?.WriteFooter() is { } average)
            {
                yield return new Measurement
                {
                    Benchmark = Id,
                    Metric = "busbw_avg",
                    Unit = Unit.BytesPerSecond,
                    Better = Direction.Higher,
                    Params = CommonParams(settings),
                    Samples = [average],
                    Info = new Dictionary<string, string>
                    {
                        [InfoKeys.Method] = "nccl-tests '# Avg bus bandwidth': mean busbw over every size and placement",
                        ["points"] = busBandwidths.Count.ToString(CultureInfo.InvariantCulture),
                    },
                };
            }
        }
        finally
        {
            // After a timeout another thread may still be inside the backend: leave it alone, the process aborts the job.
            if (!group.IsBroken())
            {
                runner.Dispose();
            }
        }
    }

    private Measurement[] Figures(
        SizeResult result, CollectiveSettings settings, IRankGroup mpi, int hosts, CollectiveLink link, IReadOnlyDictionary<string, string> backendInfo,
        string launcher)
    {
        double factor = CollectiveMath.BusBandwidthFactor(_collective, mpi.Size);
        string? noBandwidth = CollectiveMath.WhyNoBandwidth(mpi.Size);
        double[] time = result.Seconds;
        double[] algbw = [.. time.Select(t => CollectiveMath.AlgorithmBandwidth(result.Size.AlgorithmBytes, t))];
        double[] busbw = [.. algbw.Select(a => a * factor)];
        var parameters = new Dictionary<string, ParameterValue>(CommonParams(settings))
        {
            ["bytes"] = ParameterValue.Of(result.Size.DisplayBytes),
            ["inplace"] = ParameterValue.Of(result.InPlace),
        };
        Correctness? correct = result.Checked is { } n ? new Correctness(n, result.Wrong ?? 0) : null;
        int slowest = Array.IndexOf(result.MeanSecondsByRank, result.MeanSecondsByRank.Max());
        var info = new Dictionary<string, string>
        {
            [InfoKeys.Transport] = link.Transport,
            ["link"] = link.Link,
            [InfoKeys.Ranks] = mpi.Size.ToString(CultureInfo.InvariantCulture),
            ["hosts"] = hosts.ToString(CultureInfo.InvariantCulture),
            ["rankHosts"] = mpi.DescribeRanks(),
            ["launcher"] = launcher,
            ["count"] = result.Size.Count.ToString(CultureInfo.InvariantCulture),
            [InfoKeys.AlgorithmBytes] = result.Size.AlgorithmBytes.ToString(CultureInfo.InvariantCulture),
            [InfoKeys.Iterations] = settings.Iterations.ToString(CultureInfo.InvariantCulture),
            ["warmup"] = settings.Warmup.ToString(CultureInfo.InvariantCulture),
            ["rankMeanTimes"] = string.Join(",", result.MeanSecondsByRank.Select(t => t.ToString("G6", CultureInfo.InvariantCulture))),
            ["slowestRank"] = slowest.ToString(CultureInfo.InvariantCulture),
        };
        if (noBandwidth is null)
        {
            info[InfoKeys.BusbwFactor] = factor.ToString("R", CultureInfo.InvariantCulture);
        }
        else
        {
            info["bandwidth"] = noBandwidth;
        }

        foreach ((string key, string value) in backendInfo)
        {
            info[key] = value;
        }

        if (link.LineRate is { } rate)
        {
            info["lineRate"] = rate.ToString("R", CultureInfo.InvariantCulture);
            info["lineRateSource"] = link.RateSource ?? "";
        }

        Measurement Make(string metric, string unit, Direction better, double[] samples) => new()
        {
            Benchmark = Id,
            Metric = metric,
            Unit = unit,
            Better = better,
            Params = parameters,
            Samples = samples,
            Stats = SampleStatisticsEstimator.Estimate(samples, unit == Unit.Seconds ? SampleKind.Quantity : SampleKind.RateOfEqualWork),
            Correct = correct,
            Info = info,
        };

        Measurement timeFigure = Make("time", Unit.Seconds, Direction.Lower, time);
        if (noBandwidth is not null)
        {
            return [timeFigure];
        }

        Measurement bus = Make("busbw", Unit.BytesPerSecond, Direction.Higher, busbw);
        if (link.LineRate is { } lineRate && mpi.Size > 1)
        {
            // The link's line rate is this figure's baseline (BaselineResolver leaves non-gpu.* figures as they are).
            bus = bus with { Baseline = new BaselineComparison(link.RateSource ?? "link", lineRate, bus.Value / lineRate) };
        }

        return [timeFigure, Make("algbw", Unit.BytesPerSecond, Direction.Higher, algbw), bus];
    }


    private static Dictionary<string, ParameterValue> CommonParams(CollectiveSettings settings) => new()
    {
        ["backend"] = ParameterValue.Of(settings.Backend),
        ["dtype"] = ParameterValue.Of(settings.DataType.Name()),
        ["op"] = ParameterValue.Of(settings.Op.Name()),
    };

    /// <summary>
    /// Runs MPI work on a thread of its own and waits at most <paramref name="timeout"/>: a dead or hung rank leaves the
    /// others blocked inside MPI, which no cancellation reaches. On timeout MPI is marked unusable (the process aborts the
    /// job with exit code 3 when it exits, after rank 0 wrote the partial results) and the case fails naming this rank.
    /// </summary>
    private static async Task<T> Guarded<T>(TextWriter transcript, IRankGroup mpi, string what, TimeSpan timeout, Func<T> work, int step = 0)
    {
        try
        {
            return await BlockingWork.RunAsync(work, timeout, "aibench-mpi");
        }
        catch (TimeoutException)
        {
            string culprit = (mpi.Rank == 0 && step > 0 ? mpi.RanksNotReaching(step) : null) switch
            {
                null => "a rank is dead or hung",
                [] => "every rank reached this size, so one stopped inside the collective: a rank is dead or hung",
                var late => $"rank(s) {string.Join(", ", late.Select(r => $"{r} on host {mpi.Hosts[r]}"))} never reached this size: dead or hung",
            };
            string message =
                $"{what}: rank {mpi.Rank} on host {mpi.Host()} waited {timeout.TotalSeconds:0.#} s for the other ranks; {culprit} "
                + $"(ranks: {mpi.DescribeRanks()}). The job is aborted with exit code 3.";
            mpi.MarkBroken(message);
            await transcript.WriteLineAsync($"aibench: {message}");
            throw new CouldNotRunException(message);
        }
    }
}

public sealed class AllReduceBenchmark() : CollectiveBenchmark(Collective.AllReduce)
{
    public override string Title => "All-reduce across ranks (nccl-tests all_reduce_perf method)";
}

public sealed class AllGatherBenchmark() : CollectiveBenchmark(Collective.AllGather)
{
    public override string Title => "All-gather across ranks (nccl-tests all_gather_perf method)";
}

public sealed class ReduceScatterBenchmark() : CollectiveBenchmark(Collective.ReduceScatter)
{
    public override string Title => "Reduce-scatter across ranks (nccl-tests reduce_scatter_perf method)";
}

public sealed class BroadcastBenchmark() : CollectiveBenchmark(Collective.Broadcast)
{
    public override string Title => "Broadcast from a root rank (nccl-tests broadcast_perf method)";
}

public sealed class AllToAllBenchmark() : CollectiveBenchmark(Collective.AllToAll)
{
    public override string Title => "All-to-all across ranks (nccl-tests alltoall_perf method)";
}
