using AiBench.Cuda;
using Xunit;

namespace AiBench.Tests.Cuda;

public class NvrtcTargetTests
{
    [Fact]
    public void Hopper_gets_sm_90a_then_sm_90_then_ptx()
    {
        IReadOnlyList<NvrtcTarget> targets = NvrtcTarget.Candidates(new ComputeCapability(9, 0));
        Assert.Equal(["sm_90a", "sm_90", "compute_90"], targets.Select(t => t.Architecture));
        Assert.Equal([true, true, false], targets.Select(t => t.ProducesCubin));
        Assert.Equal("--gpu-architecture=sm_90a", targets[0].Option);
    }

    [Theory]
    [InlineData(8, 0, "sm_80")]
    [InlineData(8, 9, "sm_89")]
    [InlineData(10, 0, "sm_100")]
    public void Other_devices_get_their_exact_architecture(int major, int minor, string first)
    {
        IReadOnlyList<NvrtcTarget> targets = NvrtcTarget.Candidates(new ComputeCapability(major, minor));
        Assert.Equal(first, targets[0].Architecture);
        Assert.Equal(2, targets.Count);
    }

    [Fact]
    public void Compute_capabilities_compare_numerically()
    {
        Assert.True(new ComputeCapability(9, 0).IsAtLeast(8, 9));
        Assert.False(new ComputeCapability(8, 6).IsAtLeast(8, 9));
        Assert.True(new ComputeCapability(10, 0) > new ComputeCapability(9, 0));
        Assert.Equal("8.9", new ComputeCapability(8, 9).ToString());
    }
}
