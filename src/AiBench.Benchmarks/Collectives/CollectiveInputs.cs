namespace AiBench.Benchmarks.Collectives;

/// <summary>
/// The exactly predictable inputs and expected outputs of the check, in managed code for the nccl backend (which must
/// run without libaibench_mpi). The same functions as native/mpi/aibench_mpi.c (<c>aibm_input_value</c>, <c>expected</c>);
/// a test keeps the two equal. Inputs are small integers (1..13; 1 or 2 for prod), so every reduction over any rank
/// count is exact in float32 and float64 and the check allows no tolerance.
/// </summary>
internal static class CollectiveInputs
{
    public static double Value(ReductionOp op, int rank, long index)
    {
        long k = (index * 7) + ((long)rank * 3);
        return op == ReductionOp.Prod ? (k % 5 == 0 ? 2.0 : 1.0) : (k % 13) + 1;
    }

    public static double Reduced(ReductionOp op, int ranks, long index)
    {
        double result = Value(op, 0, index);
        for (int r = 1; r < ranks; r++)
        {
            double v = Value(op, r, index);
            result = op switch
            {
                ReductionOp.Sum => result + v,
                ReductionOp.Prod => result * v,
                ReductionOp.Min => Math.Min(result, v),
                _ => Math.Max(result, v),
            };
        }

        return result;
    }

    /// <summary>The value output element <paramref name="i"/> must have on <paramref name="rank"/> (count = the call's count).</summary>
    public static double Expected(Collective collective, ReductionOp op, long count, int rank, int ranks, int root, long i) => collective switch
    {
        Collective.AllReduce => Reduced(op, ranks, i),
        Collective.AllGather => Value(op, (int)(i / count), i % count),
        Collective.ReduceScatter => Reduced(op, ranks, (rank * count) + i),
        Collective.Broadcast => Value(op, root, i),
        _ => Value(op, (int)(i / count), (rank * count) + (i % count)),
    };

    /// <summary>Output elements a rank checks: the receive count.</summary>
    public static long OutputElements(Collective collective, long count, int ranks) =>
        collective is Collective.AllGather or Collective.AllToAll ? count * ranks : count;

    /// <summary>Writes value(rank, first + i) (+1 when corrupt) into <paramref name="destination"/> as doubles.</summary>
    public static void Fill(Span<double> destination, ReductionOp op, int rank, long first, bool corrupt)
    {
        double add = corrupt ? 1 : 0;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Value(op, rank, first + i) + add;
        }
    }

    public static void Fill(Span<float> destination, ReductionOp op, int rank, long first, bool corrupt)
    {
        double add = corrupt ? 1 : 0;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (float)(Value(op, rank, first + i) + add);
        }
    }

    public static long CountWrong(ReadOnlySpan<double> output, Collective collective, ReductionOp op, long count, int rank, int ranks, int root)
    {
        long wrong = 0;
        for (int i = 0; i < output.Length; i++)
        {
            wrong += output[i] != Expected(collective, op, count, rank, ranks, root, i) ? 1 : 0;
        }

        return wrong;
    }

    public static long CountWrong(ReadOnlySpan<float> output, Collective collective, ReductionOp op, long count, int rank, int ranks, int root)
    {
        long wrong = 0;
        for (int i = 0; i < output.Length; i++)
        {
            wrong += output[i] != Expected(collective, op, count, rank, ranks, root, i) ? 1 : 0;
        }

        return wrong;
    }
}
