namespace AiBench.Tests.Fuzzing;

/// <summary>How long each fuzz target runs: AIBENCH_FUZZ_SECONDS (default 10: six targets make one minute of CI), so a soak can run long.</summary>
internal static class FuzzBudget
{
    public const int DefaultSeconds = 10;

    public static int Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("AIBENCH_FUZZ_SECONDS"), out int seconds) && seconds > 0 ? seconds : DefaultSeconds;
}
