using AiBench.Core.Comparing;

namespace AiBench.Reporting.Gates;

/// <summary>How a compared measurement is named in CI output: <c>cpu.gemm throughput [dtype=fp32, m=1024] {device=0}</c>.</summary>
public static class FigureName
{
    public static string Of(MeasurementIdentity m)
    {
        string name = $"{m.Benchmark} {m.Metric}";
        if (m.Params.Count > 0)
        {
            name += $" [{string.Join(", ", m.Params.Select(p => $"{p.Key}={p.Value}"))}]";
        }

        if (m.Labels.Count > 0)
        {
            name += $" {{{string.Join(", ", m.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))}}}";
        }

        return name;
    }

    /// <summary>Within its benchmark, for a JUnit test case name: <c>throughput [dtype=fp32]</c>.</summary>
    public static string WithinBenchmark(MeasurementIdentity m) => Of(m)[(m.Benchmark.Length + 1)..];
}
