using AiBench.Benchmarks.Gpu;
using AiBench.Core.Measuring;
using AiBench.Cuda.Native;
using Xunit;

namespace AiBench.Tests.Gpu;

/// <summary>gpu.matmul's mamf-finder method pinned against mamf-finder.py's definitions, without a GPU.</summary>
public class MamfFinderMethodTests
{
    [Fact]
    public void Mamf_finders_figures_are_flops_over_mean_median_and_min_time()
    {
        // One slow product among four: mean, median and max differ, and mamf-finder's MAMF is the mean.
        double flops = 2.0 * 8192 * 8192 * 8192;
        MamfFinderFigures figures = MamfFinderFigures.From(flops, [1e-3, 1e-3, 1.2e-3, 4e-3]);
        Assert.Equal(flops / 1.8e-3, figures.Mean, flops * 1e-9);
        Assert.Equal(flops / 1.1e-3, figures.Median, flops * 1e-9); // numpy: the two middle values averaged
        Assert.Equal(flops / 1e-3, figures.Max, flops * 1e-9);
        Assert.Equal(flops / 2e-3, MamfFinderFigures.From(flops, [3e-3, 1e-3, 2e-3]).Median, flops * 1e-9);
        Assert.Equal(4.0, MamfFinderFigures.GeometricMean([2.0, 8.0]), 12);
    }

    [Fact]
    public void A_sample_is_flops_times_timed_products_over_their_summed_time()
    {
        // The sampler's sample is the Rate over the timed products' summed time: FLOPs / mean time.
        var shape = new MatmulShape(4096, 4096, 4096);
        double[] times = [1e-3, 2e-3, 3e-3];
        Assert.Equal(MamfFinderFigures.From(shape.Flops, times).Mean, MatmulFlops.Rate(shape, times.Length, times.Sum()), shape.Flops * 1e-9);
    }

    [Fact]
    public void Fp8_is_torch_scaled_mm_under_mamf_finder_and_the_fast_settings_otherwise()
    {
        MatmulDataType conformant = MatmulDataType.For("fp8", MatmulMethod.MamfFinder);
        Assert.Equal(CudaDataType.R8FE4M3, conformant.InputType);
        Assert.Equal(CudaDataType.R8FE4M3, conformant.OutputType);
        Assert.Equal(CudaDataType.R16F, conformant.CType);
        Assert.False(conformant.FastAccumulation);
        Assert.Equal(1, conformant.OutputBytes);
        Assert.Equal("matmul_check_e4m3_e4m3", conformant.CheckKernel);
        AiBench.Cuda.CublasLtMatmulSpec spec = conformant.Spec(new MatmulShape(4096, 1024, 2048));
        Assert.Equal(CudaDataType.R16F, spec.CType);
        Assert.False(spec.FastAccumulation);

        MatmulDataType fast = MatmulDataType.For("fp8", MatmulMethod.Fast);
        Assert.Same(MatmulDataType.Fp8, fast);
        Assert.True(fast.FastAccumulation);
        Assert.Equal(CudaDataType.R16BF, fast.OutputType);
        Assert.Null(fast.Spec(new MatmulShape(16, 16, 16)).CType);
        Assert.Same(MatmulDataType.Bf16, MatmulDataType.For("bf16", MatmulMethod.MamfFinder));
    }

    [Fact]
    public void Mamf_finders_shape_is_row_major_so_cublas_gets_n_as_m()
    {
        var shape = new MatmulShape(2048, 4096, 13312);
        Assert.Equal(new MatmulShape(4096, 2048, 13312), MatmulMethod.MamfFinder.CublasShape(shape));
        Assert.Equal(shape, MatmulMethod.Fast.CublasShape(shape));
        Assert.Equal(shape.Flops, MatmulMethod.MamfFinder.CublasShape(shape).Flops);
    }

    [Fact]
    public void Auto_settings_follow_the_method()
    {
        Assert.Equal(1, MatmulMethod.MamfFinder.AutoAlgorithms());
        Assert.Equal(8, MatmulMethod.Fast.AutoAlgorithms());
        Assert.Equal(TimeSpan.FromSeconds(30), MatmulMethod.MamfFinder.AutoAcceleratorWarmup());
        Assert.Equal(TimeSpan.Zero, MatmulMethod.Fast.AutoAcceleratorWarmup());
        Assert.Equal(50, MamfFinderSettings.WarmupProducts);
        Assert.Equal(100, MamfFinderSettings.TimedProducts);
        Assert.Equal(256L << 20, MamfFinderSettings.L2FlushBytes);
        Assert.Equal(MatmulMethod.MamfFinder, MatmulMethods.Parse("mamf-finder"));
        Assert.Equal("fast", MatmulMethod.Fast.Name());
    }

    [Fact]
    public void A_mamf_finder_sweep_takes_one_sample_per_shape_and_no_policy_warm_up()
    {
        var policy = new MeasurementPolicy { WarmupCount = 3, WarmupTime = TimeSpan.FromSeconds(2), MinSamples = 5, MaxSamples = 100, CaseBudget = TimeSpan.FromSeconds(8) };
        MeasurementPolicy sweep = MamfPolicy.ForMamfFinder(policy, 8, sweep: true);
        Assert.Equal((0, TimeSpan.Zero, 1, 1, 0.0), (sweep.WarmupCount, sweep.WarmupTime, sweep.MinSamples, sweep.MaxSamples, sweep.TargetRelativeCi));
        sweep.Validate();
        MeasurementPolicy fixedShape = MamfPolicy.ForMamfFinder(policy, 1, sweep: false);
        Assert.Equal((0, TimeSpan.Zero, 5, 100), (fixedShape.WarmupCount, fixedShape.WarmupTime, fixedShape.MinSamples, fixedShape.MaxSamples));
    }

    [Fact]
    public void An_e4m3_output_is_checked_to_its_own_precision()
    {
        MatmulTolerance e4m3 = MatmulTolerance.For(MatmulDataType.Fp8MamfFinder, 8192);
        Assert.Equal(0.125, e4m3.RelativeToReference);
        Assert.InRange(e4m3.RelativeToNorm, 0, 0.01);
        Assert.InRange(MatmulTolerance.For(MatmulDataType.Fp8MamfFinder, 16).RelativeToNorm, 0, 0.04);
        Assert.InRange(MatmulTolerance.For(MatmulDataType.Fp8MamfFinder, 65536).RelativeToNorm, 0, 0.01);

        // Without fast accumulation the norm term is far tighter than the fast fp8's.
        Assert.True(e4m3.RelativeToNorm < MatmulTolerance.For(MatmulDataType.Fp8, 8192).RelativeToNorm / 5);
    }
}
