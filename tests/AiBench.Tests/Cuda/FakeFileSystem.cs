using AiBench.Cuda.Loading;

namespace AiBench.Tests.Cuda;

/// <summary>A file system made of the files (and empty folders) it is given; folders are every ancestor of a file.</summary>
internal sealed class FakeFileSystem : IFileSystemView
{
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    public FakeFileSystem(IEnumerable<string> files, IEnumerable<string>? emptyDirectories = null)
    {
        foreach (string file in files)
        {
            _files.Add(file);
            AddAncestors(file);
        }

        foreach (string directory in emptyDirectories ?? [])
        {
            _directories.Add(directory);
            AddAncestors(directory);
        }
    }

    public bool DirectoryExists(string path) => _directories.Contains(path);

    public bool FileExists(string path) => _files.Contains(path);

    public IReadOnlyList<string> DirectoryNames(string path) => Children(_directories, path);

    public IReadOnlyList<string> FileNames(string path) => Children(_files, path);

    private static List<string> Children(HashSet<string> entries, string path) =>
        entries.Where(e => Path.GetDirectoryName(e) == path).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal).ToList();

    private void AddAncestors(string path)
    {
        for (string? dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            _directories.Add(dir);
        }
    }
}
