using System.Diagnostics;

namespace AiBench.Tests.Faults;

/// <summary>
/// A file system a test can break while AiBench writes to it: a small loop-mounted ext4 (no blocks reserved for root,
/// so filling it really fills it) or a bind mount that can be turned read-only. Unmounted and removed on dispose.
/// </summary>
internal sealed class TestMount : IDisposable
{
    private readonly string _work;

    private TestMount(string work, string path)
    {
        _work = work;
        Path = path;
    }

    /// <summary>Where the file system is mounted.</summary>
    public string Path { get; }

    public static TestMount SmallExt4(long bytes)
    {
        string work = Directory.CreateTempSubdirectory("aibench-mount").FullName;
        string image = System.IO.Path.Combine(work, "disk.ext4");
        string mountPoint = Directory.CreateDirectory(System.IO.Path.Combine(work, "mnt")).FullName;
        using (FileStream file = File.Create(image))
        {
            file.SetLength(bytes);
        }

        Run("mkfs.ext4", "-q", "-F", "-m", "0", image);
        Run("mount", "-o", "loop", image, mountPoint);
        return new TestMount(work, mountPoint);
    }

    public static TestMount Bind()
    {
        string work = Directory.CreateTempSubdirectory("aibench-mount").FullName;
        string source = Directory.CreateDirectory(System.IO.Path.Combine(work, "source")).FullName;
        string mountPoint = Directory.CreateDirectory(System.IO.Path.Combine(work, "mnt")).FullName;
        Run("mount", "--bind", source, mountPoint);
        return new TestMount(work, mountPoint);
    }

    /// <summary>Writes until the file system refuses more: large blocks first, then small files for the last blocks.</summary>
    public void Fill()
    {
        var block = new byte[64 * 1024];
        try
        {
            using FileStream fill = File.Create(System.IO.Path.Combine(Path, "fill"));
            while (true)
            {
                fill.Write(block);
                fill.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
        }

        for (int i = 0; i < 10_000; i++)
        {
            try
            {
                File.WriteAllBytes(System.IO.Path.Combine(Path, $"fill-{i}"), block.AsSpan(0, 1024).ToArray());
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    public void RemountReadOnly() => Run("mount", "-o", "remount,bind,ro", Path);

    /// <summary>Every file under the mount, relative to it.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f))
            .Where(f => !f.StartsWith("lost+found", StringComparison.Ordinal) && !f.StartsWith("fill", StringComparison.Ordinal))
            .ToList();

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(_work, recursive: true);
    }

    private static void Run(string tool, params string[] args)
    {
        ChildProcess.Tool(tool, args);
    }
}
