namespace AiBench.Cuda.Loading;

/// <summary>The real file system; unreadable folders read as empty.</summary>
public sealed class PhysicalFileSystemView : IFileSystemView
{
    public static PhysicalFileSystemView Instance { get; } = new();

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public bool FileExists(string path) => File.Exists(path);

    public IReadOnlyList<string> DirectoryNames(string path) => List(path, Directory.EnumerateDirectories);

    public IReadOnlyList<string> FileNames(string path) => List(path, Directory.EnumerateFiles);

    private static List<string> List(string path, Func<string, IEnumerable<string>> enumerate)
    {
        try
        {
            return Directory.Exists(path) ? enumerate(path).Select(p => Path.GetFileName(p)).ToList() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
