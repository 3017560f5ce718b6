using System.Reflection;
using AiBench.Core.Results;

namespace AiBench.Cli.Composition;

/// <summary>The tool's version and git revision (stamped at build time as assembly metadata by run.sh/MSBuild).</summary>
internal static class ToolVersion
{
    public static ToolInfo Current { get; } = Read();

    private static ToolInfo Read()
    {
        Assembly assembly = typeof(ToolVersion).Assembly;
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        string? revision = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "GitRevision")?.Value;
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            revision ??= version[(plus + 1)..];
            version = version[..plus];
        }

        return new ToolInfo(version, string.IsNullOrEmpty(revision) ? null : revision[..Math.Min(12, revision.Length)]);
    }
}
