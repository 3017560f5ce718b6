using System.Runtime.ExceptionServices;
using AiBench.Core.Errors;
using AiBench.Core.Files;
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

    /// <summary>
    /// Runs steps 0 to <paramref name="count"/> − 1 (checkpoints, epochs), keeping the ones that completed: a fault of the
    /// storage or Ctrl-C after at least one step ends the loop and is returned, to be rethrown after the figures; before
    /// the first it propagates (there is nothing to keep). A file system exception no step put into words (the folder
    /// removed while a restore opened its files) is such a fault too: it lost every completed step as a "failed" case.
    /// </summary>
    public static (List<T> Done, ExceptionDispatchInfo? Failure) Steps<T>(int count, Func<int, T> step)
    {
        var done = new List<T>(count);
        try
        {
            for (int i = 0; i < count; i++)
            {
                done.Add(step(i));
            }
        }
        catch (Exception e) when (e is CouldNotRunException or OperationCanceledException || StorageFault.Is(e))
        {
            Exception fault = StorageFault.Is(e) ? new CouldNotRunException($"step {done.Count + 1} of {count}: the storage failed: {e.Message}", e) : e;
            if (done.Count == 0)
            {
                ExceptionDispatchInfo.Throw(fault);
            }

            return (done, ExceptionDispatchInfo.Capture(fault));
        }

        return (done, null);
    }
}
