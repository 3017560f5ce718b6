using AiBench.Benchmarks;
using AiBench.Benchmarks.Storage;
using Xunit;

namespace AiBench.Tests.Storage;

public class LatencyHistogramTests
{
    [Fact]
    public void The_managed_and_native_bucket_maps_agree()
    {
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            ulong v = (ulong)Math.Exp(random.NextDouble() * 33); // up to 2^47 ns
            int index = LatencyHistogram.IndexOf(v);
            Assert.Equal((uint)index, Interop.IoEngine.HistogramIndex(v));
            Assert.Equal(LatencyHistogram.Bounds(index).Lower, Interop.IoEngine.HistogramLower((uint)index));
            (ulong lower, ulong width) = LatencyHistogram.Bounds(index);
            Assert.InRange(v, lower, lower + width - 1);
        }
    }

    [Fact]
    public void Every_bucket_is_within_one_percent_of_its_values()
    {
        for (int index = 0; index < LatencyHistogram.IndexOf((1UL << 48) - 1); index++)
        {
            (ulong lower, ulong width) = LatencyHistogram.Bounds(index);
            Assert.True(width == 1 || (double)width / lower <= 1.0 / 128, $"bucket {index}: {lower} + {width}");
            Assert.Equal(index, LatencyHistogram.IndexOf(lower));
            Assert.Equal(index, LatencyHistogram.IndexOf(lower + width - 1));
        }
    }

    [Fact]
    public void Percentiles_of_known_values_are_within_one_percent()
    {
        // 1..100000 µs, one value each: p50 = 50 ms, p90 = 90 ms, p99 = 99 ms, p99.9 = 99.9 ms (in ns).
        var counts = new ulong[LatencyHistogram.Buckets];
        var values = new List<double>();
        for (int us = 1; us <= 100_000; us++)
        {
            ulong ns = (ulong)us * 1000;
            counts[LatencyHistogram.IndexOf(ns)]++;
            values.Add(ns);
        }

        foreach (double p in new[] { 0.5, 0.9, 0.99, 0.999, 0.9999 })
        {
            double exact = values[(int)Math.Ceiling(p * values.Count) - 1];
            double estimate = LatencyHistogram.Percentile(counts, p, 1000, 100_000_000);
            Assert.InRange(estimate / exact, 0.99, 1.01);
        }

        Assert.InRange(LatencyHistogram.Percentile(counts, 1.0, 1000, 100_000_000) / 100_000_000, 0.99, 1.0);
        Assert.True(double.IsNaN(LatencyHistogram.Percentile(new ulong[LatencyHistogram.Buckets], 0.5)));
    }
}
