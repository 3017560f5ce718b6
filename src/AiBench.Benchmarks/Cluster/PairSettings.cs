using AiBench.Core.Baselines;
using AiBench.Core.Cluster;
using AiBench.Core.Errors;
using AiBench.Core.Parameters;
using AiBench.Core.Units;

namespace AiBench.Benchmarks.Cluster;

/// <summary>The parsed parameters of one net.pair case (see <see cref="PairBenchmark"/>).</summary>
public sealed record PairSettings
{
    public required PairSelection Selection { get; init; }

    public required long Bytes { get; init; }

    public required int Window { get; init; }

    public required TimeSpan SampleTime { get; init; }

    public required int Samples { get; init; }

    public required long LatencyBytes { get; init; }

    public required int LatencyIterations { get; init; }

    /// <summary>Line rate per direction (B/s), when given.</summary>
    public double? LineRate { get; init; }

    public required int Seed { get; init; }

    /// <summary>Every pair alone instead of a round's pairs at once (to show what the rounds save).</summary>
    public bool OneAtATime { get; init; }

    public required TimeSpan Timeout { get; init; }

    public static PairSettings From(BenchmarkCase c, BaselineCatalog catalog)
    {
        double? lineRate = LinkRate.Parse("link-rate", c.GetText("link-rate"), catalog);

        return new PairSettings
        {
            Selection = PairSelection.Parse(c.GetText("pairs")),
            Bytes = c.GetInt64("bytes"),
            Window = c.GetInt32("window"),
            SampleTime = TimeSpan.FromSeconds(c.GetDouble("sample-time")),
            Samples = c.GetInt32("samples"),
            LatencyBytes = c.GetInt64("latency-bytes"),
            LatencyIterations = c.GetInt32("latency-iterations"),
            LineRate = lineRate,
            Seed = c.GetInt32("seed"),
            OneAtATime = c.GetText("order") == "one-at-a-time",
            Timeout = TimeSpan.FromSeconds(c.GetDouble("timeout")),
        };
    }
}
