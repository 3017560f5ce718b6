using AiBench.Core.Results;
using AiBench.Reporting.Charts;
using Xunit;

namespace AiBench.Tests.Reporting;

public class LogValueAxisTests
{
    [Fact]
    public void Latencies_spanning_decades_get_a_log_axis() =>
        Assert.True(LogValueAxis.Suits([Latency(60e-6), Latency(700e-6), Latency(40e-3)]));

    [Fact]
    public void Narrow_latencies_and_throughputs_stay_linear()
    {
        Assert.False(LogValueAxis.Suits([Latency(60e-6), Latency(90e-6)]));
        Assert.False(LogValueAxis.Suits([Latency(1e-6) with { Better = Direction.Higher }, Latency(1)]));
    }

    private static Measurement Latency(double seconds) => new()
    {
        Benchmark = "storage.io", Metric = "latency", Unit = "s", Better = Direction.Lower, Samples = [seconds],
    };
}
