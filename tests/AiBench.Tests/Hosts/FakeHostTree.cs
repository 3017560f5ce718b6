namespace AiBench.Tests.Hosts;

/// <summary>A temporary folder laid out like a machine's /proc, /sys and /etc, deleted on dispose.</summary>
internal sealed class FakeHostTree : IDisposable
{
    public FakeHostTree()
    {
        Root = Path.Combine(Path.GetTempPath(), $"aibench-fakehost-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public FakeHostTree File(string hostPath, string content)
    {
        string path = Path.Combine(Root, hostPath.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return this;
    }

    public FakeHostTree Folder(string hostPath)
    {
        Directory.CreateDirectory(Path.Combine(Root, hostPath.TrimStart('/')));
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
