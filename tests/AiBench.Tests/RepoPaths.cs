namespace AiBench.Tests;

/// <summary>Finds the repository root from the test binary's folder (the folder holding AiBench.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "AiBench.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("AiBench.sln not found above " + AppContext.BaseDirectory);
    }
}
