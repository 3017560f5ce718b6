using AiBench.Core.Errors;
using AiBench.Core.Parameters;

namespace AiBench.Benchmarks.Collectives;

/// <summary>The parsed parameters of one collective case (see <see cref="CollectiveBenchmark"/> for their meaning).</summary>
public sealed record CollectiveSettings
{
    public required string Backend { get; init; }

    public required IReadOnlyList<long> Sizes { get; init; }

    public required int Iterations { get; init; }

    public required int Warmup { get; init; }

    public required CollectiveDataType DataType { get; init; }

    public required ReductionOp Op { get; init; }

    /// <summary>The placements measured, out-of-place first (false = out-of-place, true = in-place).</summary>
    public required IReadOnlyList<bool> Placements { get; init; }

    public required bool Check { get; init; }

    public required string LinkRate { get; init; }

    public required TimeSpan Timeout { get; init; }

    public int Root { get; init; }

    public static CollectiveSettings From(BenchmarkCase benchmarkCase, bool hasRoot)
    {
        string inplace = benchmarkCase.GetText("inplace").ToLowerInvariant();
        return new CollectiveSettings
        {
            Backend = benchmarkCase.GetText("backend").ToLowerInvariant(),
            Sizes = CollectiveMath.Sizes(
                benchmarkCase.GetInt64("minbytes"), benchmarkCase.GetInt64("maxbytes"), benchmarkCase.GetDouble("stepfactor")),
            Iterations = benchmarkCase.GetInt32("iterations"),
            Warmup = benchmarkCase.GetInt32("warmup"),
            DataType = CollectiveNames.ParseDataType(benchmarkCase.GetText("dtype")),
            Op = CollectiveNames.ParseOp(benchmarkCase.GetText("op")),
            Placements = inplace switch
            {
                "false" => [false],
                "true" => [true],
                "both" => [false, true],
                _ => throw new BadInputException($"parameter 'inplace': '{inplace}' is not true, false or both"),
            },
            Check = benchmarkCase.GetBoolean("check"),
            LinkRate = benchmarkCase.GetText("link-rate"),
            Timeout = TimeSpan.FromSeconds(benchmarkCase.GetDouble("timeout")),
            Root = hasRoot ? benchmarkCase.GetInt32("root") : 0,
        };
    }
}
