namespace AiBench.Tests.Storage;

/// <summary>A fresh folder on a disk file system (/var/tmp, not the tmpfs /tmp some machines have), deleted afterwards.</summary>
internal sealed class StorageTestFolder : IDisposable
{
    public StorageTestFolder()
    {
        string root = Directory.Exists("/var/tmp") ? "/var/tmp" : System.IO.Path.GetTempPath();
        Path = Directory.CreateDirectory(System.IO.Path.Combine(root, $"aibench-storage-test-{Guid.NewGuid():N}")).FullName;
    }

    public string Path { get; }

    public string[] Files() => Directory.GetFiles(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
