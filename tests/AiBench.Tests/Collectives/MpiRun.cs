namespace AiBench.Tests.Collectives;

/// <summary>Where mpirun is. run.sh installs Open MPI, so the MPI tests always run in CI; without it they fail.</summary>
internal static class MpiRun
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "mpirun"))
        .FirstOrDefault(File.Exists);
}
