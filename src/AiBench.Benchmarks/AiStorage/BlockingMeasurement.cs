using System.Runtime.ExceptionServices;
using AiBench.Core.Results;

namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// A benchmark whose work blocks (threads of file or S3 I/O): run on a dedicated thread, its figures handed out, then
/// the fault that cut it short rethrown — the samples completed before a fault or Ctrl-C are kept, and the case still
/// ends with the fault.
/// </summary>
internal static class BlockingMeasurement
{
    public static async IAsyncEnumerable<Measurement> RunAsync(Func<(IReadOnlyList<Measurement> Figures, ExceptionDispatchInfo? Failure)> measure)
    {
        (IReadOnlyList<Measurement> figures, ExceptionDispatchInfo? failure) = await Task.Factory.StartNew(
            measure, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        foreach (Measurement m in figures)
        {
            yield return m;
        }

        failure?.Throw();
    }
}
