namespace AiBench.Benchmarks.AiStorage;

/// <summary>
/// Runs one job per dedicated thread, all released together (the clock of a phase starts when the last is ready), and
/// returns every result or every failure: one writer's full disk must not leave the others' files unaccounted for.
/// </summary>
internal static class ShardThreads
{
    public static (T[] Results, Exception?[] Failures) Run<T>(int count, Func<int, T> job, string name)
    {
        var results = new T[count]; // a failed job leaves its default: read only when no job failed
        var failures = new Exception?[count];
        using var start = new Barrier(count);
        var threads = new Thread[count];
        for (int i = 0; i < count; i++)
        {
            int index = i;
            threads[i] = new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    results[index] = job(index);
                }
                catch (Exception e)
                {
                    failures[index] = e;
                }
            })
            {
                IsBackground = true,
                Name = $"{name} {index}",
            };
            threads[i].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        return (results, failures);
    }
}
