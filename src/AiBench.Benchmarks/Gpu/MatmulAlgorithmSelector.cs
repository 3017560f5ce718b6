using System.Globalization;
using AiBench.Cuda;
using AiBench.Cuda.Native;

namespace AiBench.Benchmarks.Gpu;

/// <summary>
/// Times the heuristic's top candidates and keeps the fastest (cuBLASLt's own advice, SuperBench's --autotune).
/// Each candidate gets one untimed product (which also loads its kernel, as CUDA loads modules lazily), then two timed
/// batches of about <see cref="BatchSeconds"/> each; its figure is the faster batch. A candidate that fails to run
/// (some report CUBLAS_STATUS_NOT_SUPPORTED only at launch) is skipped.
/// </summary>
internal static class MatmulAlgorithmSelector
{
    public const double BatchSeconds = 0.01;

    public static AlgorithmChoice Select(
        GpuSession session, CublasLtMatmulPlan plan, IReadOnlyList<CublasLtAlgorithm> candidates, MatmulBufferSets sets, DeviceBuffer workspace)
    {
        var timings = new List<AlgorithmTiming>(candidates.Count);
        int batch = 0;
        foreach (CublasLtAlgorithm candidate in candidates)
        {
            try
            {
                CublasLtMatmulAlgo algo = candidate.Algo;
                plan.Run(algo, sets.A[0], sets.B[0], sets.D[0], workspace, session.Stream);
                session.Stream.Synchronize();
                if (batch == 0)
                {
                    batch = IterationCount.Auto(TimeBatch(session, plan, algo, sets, workspace, 1), BatchSeconds);
                }

                double best = double.PositiveInfinity;
                for (int repeat = 0; repeat < 2; repeat++)
                {
                    best = Math.Min(best, TimeBatch(session, plan, algo, sets, workspace, batch));
                }

                timings.Add(new AlgorithmTiming(candidate, best, null));
            }
            catch (CudaException e)
            {
                timings.Add(new AlgorithmTiming(candidate, double.PositiveInfinity, e.Message));
            }
        }

        AlgorithmTiming? fastest = timings.Where(t => t.Error is null).MinBy(t => t.SecondsPerProduct);
        if (fastest is null)
        {
            throw new CudaException(
                $"none of the {candidates.Count} cuBLASLt algorithms ran: {string.Join("; ", timings.Select(t => t.Error))}");
        }

        return new AlgorithmChoice(fastest.Algorithm, fastest.SecondsPerProduct, timings);
    }

    /// <summary>"rank:µs per product" for each candidate, e.g. "1:1402.1 2:1388.7 3:failed".</summary>
    public static string Describe(IReadOnlyList<AlgorithmTiming> timings) =>
        string.Join(" ", timings.Select(t => t.Error is null
            ? string.Create(CultureInfo.InvariantCulture, $"{t.Algorithm.Rank}:{t.SecondsPerProduct * 1e6:0.0}us")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Algorithm.Rank}:failed")));

    /// <summary>Seconds per product over a batch that rotates through the buffer sets.</summary>
    private static double TimeBatch(
        GpuSession session, CublasLtMatmulPlan plan, in CublasLtMatmulAlgo algo, MatmulBufferSets sets, DeviceBuffer workspace, int products)
    {
        session.Timer.Start(session.Stream);
        for (int i = 0; i < products; i++)
        {
            int set = i % sets.Count;
            plan.Run(algo, sets.A[set], sets.B[set], sets.D[set], workspace, session.Stream);
        }

        return session.Timer.Stop(session.Stream) / products;
    }
}
