namespace AiBench.Tests.Fuzzing;

/// <summary>How long each fuzz target runs: AIBENCH_FUZZ_SECONDS (default 15), so CI can run short and a soak long.</summary>
internal static class FuzzBudget
{
    public const int DefaultSeconds = 15;

    public static int Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("AIBENCH_FUZZ_SECONDS"), out int seconds) && seconds > 0 ? seconds : DefaultSeconds;
}
