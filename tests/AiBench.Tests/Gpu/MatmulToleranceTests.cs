using AiBench.Benchmarks.Gpu;
using Xunit;

namespace AiBench.Tests.Gpu;

public class MatmulToleranceTests
{
    [Theory]
    [InlineData("fp64")]
    [InlineData("fp32")]
    [InlineData("tf32")]
    [InlineData("fp16")]
    [InlineData("bf16")]
    [InlineData("fp8")]
    public void A_wrong_result_is_far_outside_the_tolerance(string dtype)
    {
        // A wrong element is off by about the norm of the terms; the bound must stay well below that up to k = 64k
        // (fp8's fast accumulation is the loosest: still a quarter of the norm there, a tenth at k = 8192).
        MatmulTolerance tolerance = MatmulTolerance.For(MatmulDataType.Parse(dtype), 65536);
        Assert.InRange(tolerance.RelativeToNorm, 0, dtype == "fp8" ? 0.25 : 0.1);
        Assert.InRange(MatmulTolerance.For(MatmulDataType.Parse(dtype), 8192).RelativeToNorm, 0, 0.1);
        Assert.InRange(tolerance.RelativeToReference, 0, 0.01);
    }

    [Fact]
    public void Lower_precision_allows_more_error()
    {
        double Bound(string dtype) => MatmulTolerance.For(MatmulDataType.Parse(dtype), 8192).RelativeToNorm;
        Assert.True(Bound("fp64") < Bound("fp32"));
        Assert.True(Bound("fp32") < Bound("tf32"));
        Assert.True(Bound("fp16") < Bound("bf16"));
        Assert.True(Bound("bf16") < Bound("fp8"));
        Assert.Equal(2 * 3.90625e-3, MatmulTolerance.For(MatmulDataType.Bf16, 8192).RelativeToReference);
    }

    [Fact]
    public void Checks_count_ratios_above_one_and_nans_as_wrong()
    {
        MatmulCheck check = MatmulCheck.FromRatios([0.1, 0.9, 1.0, 1.5, double.NaN]);
        Assert.Equal(5, check.Checked);
        Assert.Equal(2, check.Wrong);
        Assert.True(double.IsNaN(check.MaxErrorRatio));
        Assert.Equal(0.5, MatmulCheck.FromRatios([0.5, 0.25]).MaxErrorRatio);
    }
}
