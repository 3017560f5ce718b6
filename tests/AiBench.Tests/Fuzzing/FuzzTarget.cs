using System.Diagnostics;
using AiBench.Core.Errors;
using CsCheck;
using Xunit.Abstractions;

namespace AiBench.Tests.Fuzzing;

/// <summary>
/// The rule every fuzz target checks: a call either returns or throws <see cref="BadInputException"/> with a one-line
/// message, within a time and an allocation bound. Anything else fails with the shrunk input printed. Runs for
/// <see cref="FuzzBudget.Seconds"/> and writes how many inputs ran to the test output.
/// </summary>
internal sealed class FuzzTarget(ITestOutputHelper output, string name)
{
    /// <summary>Generous for a loaded CI machine; a hang or a quadratic blow-up still stands out.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    public long AllocationLimit { get; init; } = 64L << 20;

    public void Run(Gen<string> inputs, Action<string> call)
    {
        long count = 0;
        long refused = 0;
        inputs.Sample(input =>
        {
            Interlocked.Increment(ref count);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            long started = Stopwatch.GetTimestamp();
            try
            {
                call(input);
            }
            catch (BadInputException e)
            {
                Interlocked.Increment(ref refused);
                if (e.Message.Contains('\n', StringComparison.Ordinal) || e.Message.Contains('\r', StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{name}: the message is more than one line: {e.Message}");
                }
            }

            TimeSpan took = Stopwatch.GetElapsedTime(started);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (took > TimeLimit)
            {
                throw new InvalidOperationException($"{name}: took {took.TotalSeconds:0.0} s (limit {TimeLimit.TotalSeconds} s)");
            }

            if (allocated > AllocationLimit)
            {
                throw new InvalidOperationException($"{name}: allocated {allocated >> 20} MiB (limit {AllocationLimit >> 20} MiB)");
            }
        }, time: FuzzBudget.Seconds, threads: 1, print: Printable);
        output.WriteLine($"fuzz {name}: {count} inputs in {FuzzBudget.Seconds} s ({refused} refused as bad input)");
    }

    /// <summary>The input as a C# literal cut to a readable length, so a failure can be pasted into a regression test.</summary>
    private static string Printable(string input)
    {
        string shown = input.Length > 2000 ? input[..2000] + $"... ({input.Length} chars)" : input;
        return "\"" + shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
    }
}
