using AiBench.Benchmarks.Gpu;
using AiBench.Core.Errors;
using Xunit;

namespace AiBench.Tests.Gpu;

public class ShapeGridTests
{
    [Fact]
    public void A_range_is_start_stop_step_inclusive_under_the_fast_method() =>
        Assert.Equal([1024L, 2048, 3072, 4096], ShapeRange.Parse("m_range", "1024:4096:1024"));

    [Fact]
    public void A_start_of_zero_means_step_as_in_mamf_finder()
    {
        Assert.Equal([256L, 512, 768], ShapeRange.Parse("m_range", "0:768:256"));
        Assert.Equal([256L, 512], ShapeRange.Parse("m_range", "0:768:256", includeStop: false));
    }

    [Fact]
    public void Under_mamf_finder_a_range_excludes_its_stop_as_np_arange()
    {
        // mamf-finder's README example: --m_range 0 20480 256 is np.arange(256, 20480, 256): 256 ... 20224.
        IReadOnlyList<long> m = ShapeRange.Parse("m_range", "0:20480:256", MatmulMethod.MamfFinder.RangesIncludeStop());
        Assert.Equal(79, m.Count);
        Assert.Equal(256, m[0]);
        Assert.Equal(20224, m[^1]);

        // The default m_range means 1024 ... 8192 under the fast method and 1024 ... 7168 under mamf-finder.
        Assert.Equal(8192, ShapeRange.Parse("m_range", "1024:8192:1024", MatmulMethod.Fast.RangesIncludeStop())[^1]);
        Assert.Equal(7168, ShapeRange.Parse("m_range", "1024:8192:1024", MatmulMethod.MamfFinder.RangesIncludeStop())[^1]);
        Assert.Equal([1024L, 1280], ShapeRange.Parse("m_range", "1024:1500:256", includeStop: false));
        Assert.Equal([4096L], ShapeRange.Parse("n_range", "4096", includeStop: false));
        Assert.Equal(2, ShapeGrid.Expand("512:1536:512", "1024", "1024", includeStop: false).Count);
    }

    [Fact]
    public void An_empty_np_arange_is_bad_input()
    {
        BadInputException e = Assert.Throws<BadInputException>(() => ShapeRange.Parse("m_range", "1024:1024:256", includeStop: false));
        Assert.Contains("no values", e.Message, StringComparison.Ordinal);
        Assert.Equal([1024L], ShapeRange.Parse("m_range", "1024:1024:256"));
    }

    [Fact]
    public void A_single_value_and_size_suffixes_are_accepted()
    {
        Assert.Equal([4096L], ShapeRange.Parse("n_range", "4096"));
        Assert.Equal([8192L], ShapeRange.Parse("n_range", "8k"));
        Assert.Equal([4096L, 8192], ShapeRange.Parse("n_range", "4k:8k:4k"));
    }

    [Fact]
    public void A_dimension_takes_the_same_range_grammar_as_a_sweep()
    {
        Assert.Equal(ShapeRange.Parse("m_range", "1024:4096:1024"), ShapeRange.Parse("m_range", "1024..4096+1024"));
        Assert.Equal([1024L, 2048, 4096, 8192, 16384], ShapeRange.Parse("m_range", "1k..16k*2"));
        Assert.Equal([1024L, 2048], ShapeRange.Parse("m_range", "1k..4k*2", includeStop: false));
    }

    [Theory]
    [InlineData("1024:512:256")]
    [InlineData("1024:4096:0")]
    [InlineData("1024:4096")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("1:100000:1")]
    [InlineData("1024..4096")]
    [InlineData("0..4096*2")]
    public void Bad_ranges_are_bad_input(string text)
    {
        BadInputException e = Assert.Throws<BadInputException>(() => ShapeRange.Parse("m_range", text));
        Assert.Contains("m_range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_grid_is_the_cartesian_product_m_slowest()
    {
        IReadOnlyList<MatmulShape> shapes = ShapeGrid.Expand("1024:2048:1024", "4096", "1024:2048:1024");
        Assert.Equal(
            [new MatmulShape(1024, 4096, 1024), new MatmulShape(1024, 4096, 2048), new MatmulShape(2048, 4096, 1024), new MatmulShape(2048, 4096, 2048)],
            shapes);
    }

    [Fact]
    public void The_default_grid_has_eight_shapes()
    {
        IReadOnlyList<MatmulShape> shapes = ShapeGrid.Expand("1024:8192:1024", "4096", "4096");
        Assert.Equal(8, shapes.Count);
        Assert.Equal(new MatmulShape(8192, 4096, 4096), shapes[^1]);
    }

    [Fact]
    public void Huge_grids_are_refused() =>
        Assert.Throws<BadInputException>(() => ShapeGrid.Expand("256:20480:256", "256:20480:256", "4096"));
}
