namespace AiBench.Benchmarks.Collectives;

/// <summary>The collectives, numbered as native/mpi/aibench_mpi.h's <c>aibm_collective</c>.</summary>
public enum Collective
{
    AllReduce = 0,
    AllGather = 1,
    ReduceScatter = 2,
    Broadcast = 3,
    AllToAll = 4,
}

/// <summary>Element types, numbered as <c>aibm_dtype</c>.</summary>
public enum CollectiveDataType
{
    Float32 = 0,
    Float64 = 1,
}

/// <summary>Reduction operations, numbered as <c>aibm_op</c>.</summary>
public enum ReductionOp
{
    Sum = 0,
    Prod = 1,
    Min = 2,
    Max = 3,
}

/// <summary>Names and element sizes of the enums above, as parameters and nccl-tests' table spell them.</summary>
public static class CollectiveNames
{
    public static IReadOnlyList<string> DataTypes { get; } = ["float32", "float64"];

    public static IReadOnlyList<string> Ops { get; } = ["sum", "prod", "min", "max"];

    public static CollectiveDataType ParseDataType(string text) => text.ToLowerInvariant() switch
    {
        "float32" => CollectiveDataType.Float32,
        "float64" => CollectiveDataType.Float64,
        _ => throw new Core.Errors.BadInputException($"parameter 'dtype': '{text}' is not one of {string.Join(", ", DataTypes)}"),
    };

    public static ReductionOp ParseOp(string text) => text.ToLowerInvariant() switch
    {
        "sum" => ReductionOp.Sum,
        "prod" => ReductionOp.Prod,
        "min" => ReductionOp.Min,
        "max" => ReductionOp.Max,
        _ => throw new Core.Errors.BadInputException($"parameter 'op': '{text}' is not one of {string.Join(", ", Ops)}"),
    };

    public static int ElementSize(this CollectiveDataType type) => type == CollectiveDataType.Float32 ? 4 : 8;

    public static string Name(this CollectiveDataType type) => type == CollectiveDataType.Float32 ? "float32" : "float64";

    /// <summary>nccl-tests' <c>type</c> column.</summary>
    public static string NcclName(this CollectiveDataType type) => type == CollectiveDataType.Float32 ? "float" : "double";

    public static string Name(this ReductionOp op) => Ops[(int)op];

    /// <summary>Whether the collective reduces (all-reduce, reduce-scatter), i.e. whether <c>op</c> means anything.</summary>
    public static bool Reduces(this Collective collective) =>
        collective is Collective.AllReduce or Collective.ReduceScatter;

    public static string Id(this Collective collective) => collective switch
    {
        Collective.AllReduce => "net.allreduce",
        Collective.AllGather => "net.allgather",
        Collective.ReduceScatter => "net.reducescatter",
        Collective.Broadcast => "net.broadcast",
        _ => "net.alltoall",
    };
}
