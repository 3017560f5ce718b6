using System.Globalization;
using AiBench.Benchmarks.Storage;
using AiBench.Benchmarks;
using AiBench.Core.Parameters;
using AiBench.Core.Results;
using AiBench.Core.Units;
using Xunit;

namespace AiBench.Tests.Storage;

/// <summary>
/// storage.io's headline figures are fio's whole-run figures, pinned with constructed runs where the whole run and
/// the median of its slices disagree: a tail that only some slices have, a stall, and reads and writes that differ.
/// </summary>
public class StorageIoFiguresTests
{
    private const double SliceSeconds = 0.25;

    private static readonly StorageWorkload RandRead = StorageWorkload.Parse("randread-4k-qd32");

    /// <summary>One direction's slices, each given as (latency ns, count) pairs; slice bytes at 4 KiB per I/O.</summary>
    private static IoDirectionResult Slices(params (ulong Ns, long Count)[][] slices)
    {
        var histograms = new ulong[slices.Length * LatencyHistogram.Buckets];
        var list = new List<IoSlice>();
        double min = double.PositiveInfinity, max = 0, sum = 0;
        for (int s = 0; s < slices.Length; s++)
        {
            long ios = 0;
            foreach ((ulong ns, long count) in slices[s])
            {
                histograms[(s * LatencyHistogram.Buckets) + LatencyHistogram.IndexOf(ns)] += (ulong)count;
                ios += count;
                sum += (double)ns * count;
                if (count > 0)
                {
                    min = Math.Min(min, ns);
                    max = Math.Max(max, ns);
                }
            }

            list.Add(new IoSlice(ios, ios * 4096, SliceSeconds));
        }

        long total = list.Sum(s => s.Ios);
        return new IoDirectionResult
        {
            Ios = total, Bytes = total * 4096, LatencyMinNs = total > 0 ? min : 0, LatencyMaxNs = max, LatencySumNs = sum,
            Slices = list, Histograms = histograms,
        };
    }

    private static IoDirectionResult None(int slices) => Slices(Enumerable.Range(0, slices).Select(_ => Array.Empty<(ulong, long)>()).ToArray());

    private static IoOutcome Outcome(IoDirectionResult read, IoDirectionResult write) => new()
    {
        Status = Interop.IoEngine.Ok, Engine = "io_uring", Seconds = read.Slices.Count * SliceSeconds, Read = read, Write = write,
    };

    private static List<Measurement> Build(StorageWorkload workload, IoOutcome outcome) =>
        StorageIoFigures.Build("storage.io", new Dictionary<string, ParameterValue>(), workload, outcome,
            new Dictionary<string, string>(), new Dictionary<string, string> { ["seconds"] = "10" }, null);

    private static Measurement Latency(List<Measurement> figures, string percentile, string direction = "read") =>
        Assert.Single(figures, m => m.Metric == "latency" && m.Labels["percentile"] == percentile && m.Labels["direction"] == direction);

    private static Measurement Figure(List<Measurement> figures, string metric, string direction = "read") =>
        Assert.Single(figures, m => m.Metric == metric && m.Labels["direction"] == direction);

    private static double Info(Measurement m, string key) => double.Parse(m.Info![key], CultureInfo.InvariantCulture);

    [Fact]
    public void Tail_latency_is_the_whole_runs_not_the_median_of_the_slices()
    {
        // 40 slices of 4,000 reads at 100 µs; once a second (every 4th slice) a 5 ms stall holds up the 32 I/Os in
        // flight. 320 of 160,000 reads (0.2%) took 5 ms, so fio's whole-run p99.9, p99.99 and max are 5 ms, while
        // 30 of the 40 slices never saw one: the median of the slices' p99.99 (what storage.io reported) is 100 µs.
        var slices = Enumerable.Range(0, 40)
            .Select(s => s % 4 == 0 ? new[] { (100_000UL, 3968L), (5_000_000UL, 32L) } : new[] { (100_000UL, 4000L) }).ToArray();
        List<Measurement> figures = Build(RandRead, Outcome(Slices(slices), None(40)));

        foreach (string p in new[] { "p99.9", "p99.99", "max" })
        {
            Measurement m = Latency(figures, p);
            Assert.InRange(m.Value, 4.96e-3, 5.04e-3);
            Assert.Equal([m.Value], m.Samples);
            Assert.InRange(Info(m, "sliceMedian"), 0.99e-4, 1.2e-4); // Harrell-Davis: a little of the stalled slices' weight
            Assert.InRange(Info(m, "sliceMax"), 4.96e-3, 5.04e-3);
        }

        Assert.Equal(5e-3, Latency(figures, "max").Value); // the exact maximum, not a bucket's
        Assert.InRange(Latency(figures, "p99").Value, 0.99e-4, 1.01e-4); // 0.2% is above the 1% tail
        Assert.InRange(Latency(figures, "p50").Value, 0.99e-4, 1.01e-4);
    }

    [Fact]
    public void The_mean_latency_is_the_exact_sum_over_the_count()
    {
        // 160,000 reads: 159,680 at 100 µs and 320 at 5 ms. fio's clat mean: (159,680 × 100 µs + 320 × 5 ms) / 160,000
        // = 109.8 µs exactly (the histogram's midpoints would give something within 0.4% of it, not this).
        var slices = Enumerable.Range(0, 40)
            .Select(s => s % 4 == 0 ? new[] { (100_000UL, 3968L), (5_000_000UL, 32L) } : new[] { (100_000UL, 4000L) }).ToArray();
        List<Measurement> figures = Build(RandRead, Outcome(Slices(slices), None(40)));
        Measurement mean = Latency(figures, "mean");
        Assert.Equal(109.8e-6, mean.Value, 12);
        Assert.Equal(Direction.Lower, mean.Better);
        Assert.Equal(Unit.Seconds, mean.Unit);

        // A direction with no I/O has no mean (nor any other latency figure).
        Assert.DoesNotContain(figures, m => m.Labels["direction"] == "write" && m.Metric == "latency");
    }

    [Fact]
    public void Bandwidth_and_iops_are_the_totals_over_the_measured_time_not_the_median_slice()
    {
        // 10 s in 40 slices: 36 slices of 25,000 reads (100k IOPS each) and a 1 s stall (4 empty slices).
        // fio: 900,000 I/Os / 10 s = 90,000 IOPS; the median slice (the old figure) says 100,000.
        var slices = Enumerable.Range(0, 40)
            .Select(s => s is >= 20 and < 24 ? Array.Empty<(ulong, long)>() : new[] { (80_000UL, 25_000L) }).ToArray();
        List<Measurement> figures = Build(RandRead, Outcome(Slices(slices), None(40)));

        Measurement iops = Figure(figures, "iops");
        Assert.Equal(90_000, iops.Value, 6);
        Assert.Equal(1, iops.Stats!.N);
        Assert.InRange(Info(iops, "sliceMedian"), 99_999, 100_001);
        Assert.Equal(0, Info(iops, "sliceMin"));
        Assert.Equal(900_000, Info(iops, "ios"));

        Measurement bandwidth = Figure(figures, "bandwidth");
        Assert.Equal(90_000 * 4096.0, bandwidth.Value, 6);
        Assert.Equal("drive.rand_read_4k_iops", iops.BaselineKey);

        // The slices stay as samples of their own figure: its spread, its stall and a timeline.
        Measurement perSlice = Figure(figures, StorageIoFigures.SliceIopsMetric);
        Assert.Equal(40, perSlice.Samples.Count);
        Assert.Equal(0, perSlice.Stats!.Min);
        Assert.InRange(perSlice.Value, 99_999, 100_001);
        Assert.Equal("0.25", perSlice.Info![InfoKeys.SampleIntervalSeconds]);
    }

    [Fact]
    public void A_mixed_run_has_read_and_write_figures_from_their_own_histograms()
    {
        // 70/30: reads at 100 µs, writes at 2 ms. One histogram for both (the old engine) gives a p99 of 2 ms to the
        // reads and a p50 of 100 µs to the writes; apart, as fio keeps them, each direction has its own.
        IoDirectionResult read = Slices(Enumerable.Range(0, 8).Select(_ => new[] { (100_000UL, 700L) }).ToArray());
        IoDirectionResult write = Slices(Enumerable.Range(0, 8).Select(_ => new[] { (2_000_000UL, 300L) }).ToArray());
        List<Measurement> figures = Build(StorageWorkload.Parse("randrw-4k-70-30-qd32"), Outcome(read, write));

        Assert.All(figures, m => Assert.Contains(m.Labels["direction"], new[] { "read", "write" }));
        Assert.Equal(figures.Count / 2, figures.Count(m => m.Labels["direction"] == "read"));
        foreach (string p in new[] { "p50", "p99", "p99.99", "max" })
        {
            Assert.InRange(Latency(figures, p, "read").Value, 0.99e-4, 1.01e-4);
            Assert.InRange(Latency(figures, p, "write").Value, 1.98e-3, 2.02e-3);
        }

        Assert.Equal(700 * 8 / 2.0, Figure(figures, "iops", "read").Value, 6);
        Assert.Equal(300 * 8 / 2.0, Figure(figures, "iops", "write").Value, 6);
        Assert.Equal(300 * 8 * 4096 / 2.0, Figure(figures, "bandwidth", "write").Value, 6);
        Assert.All(figures.Where(m => m.Metric is "bandwidth" or "iops"), m => Assert.Null(m.BaselineKey)); // no datasheet mix
    }

    [Fact]
    public void A_direction_without_completions_has_rates_of_zero_and_no_latency()
    {
        IoDirectionResult read = Slices(Enumerable.Range(0, 4).Select(_ => new[] { (100_000UL, 10L) }).ToArray());
        List<Measurement> figures = Build(StorageWorkload.Parse("randrw-4k-70-30-qd32"), Outcome(read, None(4)));
        Assert.Equal(0, Figure(figures, "iops", "write").Value);
        Assert.DoesNotContain(figures, m => m.Metric == "latency" && m.Labels["direction"] == "write");
        Assert.Equal(7, figures.Count(m => m.Metric == "latency" && m.Labels["direction"] == "read"));  // p50 … p99.99, mean, max
        Assert.All(figures, m => Assert.True(m.Samples.All(double.IsFinite)));
        Assert.All(figures, m => Assert.Equal(m.Metric == "latency" ? Direction.Lower : Direction.Higher, m.Better));
        Assert.All(figures.Where(m => m.Metric == "latency"), m => Assert.Equal(Unit.Seconds, m.Unit));
    }
}
