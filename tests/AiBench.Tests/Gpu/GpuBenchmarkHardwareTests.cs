using AiBench.Benchmarks.Gpu;
using AiBench.Core.Benchmarks;
using AiBench.Core.Hosts;
using AiBench.Core.Measuring;
using AiBench.Core.Results;
using AiBench.Tests.Cuda;
using Xunit;

namespace AiBench.Tests.Gpu;

/// <summary>Both benchmarks end to end on a real device with small problems; skipped without one.</summary>
public class GpuBenchmarkHardwareTests
{
    private static readonly MeasurementPolicy Short = MeasurementPolicy.Quick with { CaseBudget = TimeSpan.FromSeconds(1) };

    private static async Task<List<Measurement>> Run(IBenchmark benchmark, Dictionary<string, string> settings)
    {
        var measurements = new List<Measurement>();
        foreach (var @case in benchmark.Parameters.Expand(settings))
        {
            var context = new BenchmarkContext { Case = @case, Policy = Short, System = SystemInfo.Unknown };
            await foreach (Measurement m in benchmark.RunAsync(context, CancellationToken.None))
            {
                measurements.Add(m);
            }
        }

        return measurements;
    }

    [CudaFact]
    public async Task Matmul_is_fast_and_correct_for_every_supported_dtype()
    {
        var settings = new Dictionary<string, string> { ["dtype"] = "fp32,tf32,fp16,bf16", ["m"] = "2048", ["n"] = "1024", ["k"] = "512" };
        List<Measurement> measurements = await Run(new GpuMatmulBenchmark(), settings);
        Assert.Equal(4, measurements.Count);
        foreach (Measurement m in measurements)
        {
            Assert.Equal("throughput", m.Metric);
            Assert.All(m.Samples, s => Assert.True(s > 1e11, $"{s} FLOP/s"));
            Assert.True(m.Correct!.Checked > 0);
            Assert.Equal(0, m.Correct.Wrong);
            Assert.Equal("0", m.Labels["device"]);
            Assert.StartsWith("gpu.peak_tflops.", m.BaselineKey, StringComparison.Ordinal);
        }
    }

    [CudaFact]
    public async Task Mamf_reports_the_best_shape_and_the_mean()
    {
        var settings = new Dictionary<string, string> { ["mode"] = "mamf", ["m_range"] = "512:1024:512", ["n_range"] = "1024", ["k_range"] = "1024" };
        List<Measurement> measurements = await Run(new GpuMatmulBenchmark(), settings);
        Assert.Equal(["throughput", "throughput_mean"], measurements.Select(m => m.Metric));
        Assert.Equal("1024", measurements[0].Info!["bestN"]);
        Assert.Equal(0, measurements[0].Correct!.Wrong);
    }

    [CudaFact]
    public async Task The_mamf_finder_method_times_each_product_and_leaves_out_the_stop()
    {
        var settings = new Dictionary<string, string>
        {
            ["mode"] = "mamf", ["method"] = "mamf-finder", ["m_range"] = "512:1536:512", ["n_range"] = "1024", ["k_range"] = "1024",
            ["accelerator_warmup"] = "1s",
        };
        List<Measurement> measurements = await Run(new GpuMatmulBenchmark(), settings);
        Measurement best = measurements[0];
        Assert.Equal("2", best.Info!["shapes"]);
        Assert.Equal("mamf-finder", best.Info["method"]);
        Assert.Single(best.Samples);
        Assert.Equal(best.Value, double.Parse(best.Info["mamfFinderMeanFlops"], System.Globalization.CultureInfo.InvariantCulture), best.Value * 1e-5);
        Assert.StartsWith("1 s on 512x1024x1024", best.Info["acceleratorWarmup"], StringComparison.Ordinal);
        Assert.Equal(0, best.Correct!.Wrong);
    }

    [CudaFact]
    public async Task Memory_tests_measure_and_validate()
    {
        var settings = new Dictionary<string, string> { ["size"] = "256MiB" };
        List<Measurement> measurements = await Run(new GpuMemoryBenchmark(), settings);
        Assert.Equal(GpuMemoryTests.Names.SelectMany(n => GpuMemoryTests.Parse(n).Metrics()), measurements.Select(m => m.Metric));
        Assert.All(measurements, m =>
        {
            Assert.True(m.Value > 1e9, $"{m.Metric}: {m.Value} B/s");
            Assert.Equal(0, m.Correct!.Wrong);
        });
    }
}
