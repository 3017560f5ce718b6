using Xunit;

namespace AiBench.Tests.Collectives;

/// <summary>A fact that needs Open MPI: skipped, with the reason, only where mpirun is not installed (CI installs it).</summary>
public sealed class MpiFactAttribute : FactAttribute
{
    public MpiFactAttribute()
    {
        if (MpiRun.Path is null)
        {
            Skip = "mpirun is not installed (apt-get install openmpi-bin libopenmpi-dev)";
        }
    }
}

internal static class MpiRun
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "mpirun"))
        .FirstOrDefault(File.Exists);
}
