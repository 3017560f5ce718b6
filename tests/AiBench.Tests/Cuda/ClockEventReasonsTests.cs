using AiBench.Cuda;
using Xunit;

namespace AiBench.Tests.Cuda;

public class ClockEventReasonsTests
{
    [Theory]
    [InlineData(0x0UL, "none")]
    [InlineData(0x1UL, "gpu_idle")]
    [InlineData(0x4UL | 0x40UL, "sw_power_cap,hw_thermal_slowdown")]
    [InlineData(0x8UL | 0x1000UL, "hw_slowdown,0x1000")]
    public void Bits_become_words(ulong mask, string words) => Assert.Equal(words, ClockEventReasons.Describe(mask));
}
