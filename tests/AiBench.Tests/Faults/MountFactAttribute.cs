using Xunit;

namespace AiBench.Tests.Faults;

/// <summary>A fact that mounts file systems (a loop-mounted ext4, a read-only bind mount); skipped with the reason without root or the tools.</summary>
public sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        if (MissingReason() is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? MissingReason()
    {
        if (Environment.UserName != "root")
        {
            return "mounting a test file system needs root";
        }

        if (!File.Exists("/dev/loop-control"))
        {
            return "no loop devices (/dev/loop-control)";
        }

        string[] tools = ["mount", "umount", "mkfs.ext4"];
        string? missing = tools.FirstOrDefault(t => !new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin" }.Any(d => File.Exists(Path.Combine(d, t))));
        return missing is null ? null : $"'{missing}' is not installed";
    }
}
