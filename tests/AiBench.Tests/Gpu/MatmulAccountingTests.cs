using AiBench.Benchmarks.Gpu;
using Xunit;

namespace AiBench.Tests.Gpu;

public class MatmulAccountingTests
{
    [Fact]
    public void A_product_is_two_m_n_k_flops()
    {
        Assert.Equal(2.0 * 8192 * 8192 * 8192, MatmulFlops.PerProduct(8192, 8192, 8192));
        Assert.Equal(2.0 * 1024 * 4096 * 512, MatmulFlops.PerProduct(1024, 4096, 512));
        Assert.Equal(1.0995116277760e12, MatmulFlops.PerProduct(8192, 8192, 8192), 0);
    }

    [Fact]
    public void The_rate_is_flops_times_products_over_seconds() =>
        Assert.Equal(2.0 * 64 * 64 * 64 * 10 / 0.5, MatmulFlops.Rate(new MatmulShape(64, 64, 64), 10, 0.5));

    [Fact]
    public void A_set_holds_a_b_and_the_output()
    {
        var shape = new MatmulShape(1024, 4096, 4096);
        Assert.Equal((1024L * 4096 + 4096L * 4096) * 2 + 1024L * 4096 * 2, shape.SetBytes(2, 2));
        Assert.Equal((1024L * 4096 + 4096L * 4096) * 1 + 1024L * 4096 * 2, shape.SetBytes(1, 2));
        Assert.Equal("1024x4096x4096", shape.ToString());
    }

    [Theory]
    [InlineData(384L << 20, 50L << 20, 1)]   // 8192³ bf16: one set already exceeds 2 × L2
    [InlineData(48L << 20, 50L << 20, 3)]    // 1024×4096×4096 bf16: three sets exceed 100 MiB
    [InlineData(50L << 20, 50L << 20, 3)]
    [InlineData(1L << 20, 50L << 20, MatmulMemoryPlan.MaxSets)]
    public void Enough_sets_rotate_to_exceed_twice_l2(long setBytes, long l2, int sets) =>
        Assert.Equal(sets, MatmulMemoryPlan.WantedSets(setBytes, l2));

    [Fact]
    public void Sets_are_limited_by_free_memory()
    {
        long total = 80L << 30;
        long reserve = MatmulMemoryPlan.ReserveBytes(total);
        Assert.Equal(4L << 30, reserve);
        Assert.Equal(3, MatmulMemoryPlan.FittingSets(3, 1L << 30, 70L << 30, total));
        Assert.Equal(2, MatmulMemoryPlan.FittingSets(3, 1L << 30, reserve + MatmulMemoryPlan.WorkspaceBytes + (2L << 30) + 5, total));
        Assert.Equal(0, MatmulMemoryPlan.FittingSets(3, 1L << 30, reserve, total));
    }

    [Fact]
    public void Mamf_buffers_cover_the_largest_shape_of_the_grid() =>
        Assert.Equal(
            new MatmulShape(8192, 4096, 2048),
            ShapeGrid.Envelope([new MatmulShape(1024, 4096, 2048), new MatmulShape(8192, 1024, 512)]));
}
