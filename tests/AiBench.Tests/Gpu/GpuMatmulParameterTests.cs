using AiBench.Benchmarks.Gpu;
using AiBench.Core.Errors;
using AiBench.Core.Parameters;
using Xunit;

namespace AiBench.Tests.Gpu;

public class GpuMatmulParameterTests
{
    private static readonly ParameterSchema Schema = new GpuMatmulBenchmark().Parameters;

    private static IReadOnlyList<BenchmarkCase> Expand(params (string Name, string Value)[] settings) =>
        Schema.Expand(settings.ToDictionary(s => s.Name, s => s.Value));

    [Fact]
    public void Defaults_are_one_bf16_8192_cube_on_device_0()
    {
        BenchmarkCase single = Assert.Single(Expand());
        Assert.Equal("bf16", single.GetText("dtype"));
        Assert.Equal(8192, single.GetInt64("m"));
        Assert.Equal(8192, single.GetInt64("n"));
        Assert.Equal(8192, single.GetInt64("k"));
        Assert.Equal("fixed", single.GetText("mode"));
        Assert.Equal("fast", single.GetText("method"));
        Assert.Equal("auto", single.GetText("algorithms"));
        Assert.Equal("auto", single.GetText("accelerator_warmup"));
        Assert.Equal("auto", single.GetText("iterations"));
        Assert.Equal(0, single.GetInt32("device"));
    }

    [Fact]
    public void Every_dtype_is_accepted_and_a_list_sweeps()
    {
        IReadOnlyList<BenchmarkCase> cases = Expand(("dtype", "fp64,fp32,tf32,fp16,bf16,fp8"));
        Assert.Equal(MatmulDataType.Names, cases.Select(c => c.GetText("dtype")));
        Assert.All(cases, c => MatmulDataType.Parse(c.GetText("dtype")));
    }

    [Fact]
    public void A_bad_dtype_is_bad_input()
    {
        BadInputException e = Assert.Throws<BadInputException>(() => Expand(("dtype", "int4")));
        Assert.Contains("dtype", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m", "0")]
    [InlineData("n", "-5")]
    [InlineData("k", "lots")]
    [InlineData("algorithms", "0")]
    [InlineData("mode", "fastest")]
    [InlineData("method", "torch")]
    [InlineData("accelerator_warmup", "-1s")]
    [InlineData("algorithms", "many")]
    public void Bad_values_are_bad_input(string name, string value) =>
        Assert.Throws<BadInputException>(() => Expand((name, value)));

    [Fact]
    public void Iterations_are_auto_or_a_positive_count()
    {
        Assert.Null(Assert.Single(Expand(("iterations", "auto"))).GetOptionalInt64("iterations"));
        Assert.Equal(50, Assert.Single(Expand(("iterations", "50"))).GetOptionalInt64("iterations"));
        Assert.Throws<BadInputException>(() => Expand(("iterations", "0")));
        Assert.Throws<BadInputException>(() => Expand(("iterations", "many")));
    }

    [Theory]
    [InlineData(0.0014, 0.03, 1, 21)]
    [InlineData(0.1, 0.03, 1, 1)]
    [InlineData(0.02, 0.06, 4, 4)]
    [InlineData(0.0, 0.03, 1, 1)]
    public void Auto_iterations_fill_the_target_time(double seconds, double target, int minimum, int expected) =>
        Assert.Equal(expected, IterationCount.Auto(seconds, target, minimum));

    [Fact]
    public void Fp8_uses_e4m3_in_bf16_out_with_fast_accumulation()
    {
        MatmulDataType fp8 = MatmulDataType.Parse("FP8");
        Assert.Equal(AiBench.Cuda.Native.CudaDataType.R8FE4M3, fp8.InputType);
        Assert.Equal(AiBench.Cuda.Native.CudaDataType.R16BF, fp8.OutputType);
        Assert.True(fp8.FastAccumulation);
        Assert.Equal(16, fp8.DimensionMultiple);
        Assert.Equal(new AiBench.Cuda.ComputeCapability(8, 9), fp8.MinimumCapability);
        Assert.Equal(AiBench.Cuda.Native.CublasComputeType.Compute32FFastTF32, MatmulDataType.Parse("tf32").ComputeType);
        Assert.Equal(AiBench.Cuda.Native.CudaDataType.R32F, MatmulDataType.Parse("tf32").InputType);
    }

    [Fact]
    public void Every_spec_is_tn()
    {
        AiBench.Cuda.CublasLtMatmulSpec spec = MatmulDataType.Bf16.Spec(new MatmulShape(1024, 2048, 512));
        Assert.Equal((512L, 1024L, 512L), spec.AStorage);
        Assert.Equal((512L, 2048L, 512L), spec.BStorage);
    }

    [Fact]
    public void Mamf_shapes_share_the_case_budget()
    {
        var policy = new AiBench.Core.Measuring.MeasurementPolicy { CaseBudget = TimeSpan.FromSeconds(8), MinSamples = 5, MaxSamples = 100 };
        AiBench.Core.Measuring.MeasurementPolicy shape = MamfPolicy.ForShape(policy, 8);
        Assert.Equal(TimeSpan.FromSeconds(1), shape.CaseBudget);
        Assert.Equal(3, shape.MinSamples);
        Assert.Equal(MamfPolicy.MaxSamplesPerShape, shape.MaxSamples);
        shape.Validate();
        Assert.Equal(MamfPolicy.MinimumShapeBudget, MamfPolicy.ForShape(policy, 1000).CaseBudget);
    }
}
