namespace AiBench.Cuda.Loading;

/// <summary>
/// The little of the file system the library search reads, behind an interface so the search order is a pure
/// function of the environment variables and this view (tests pass a fake).
/// </summary>
public interface IFileSystemView
{
    bool DirectoryExists(string path);

    bool FileExists(string path);

    /// <summary>Names (not paths) of the sub-directories of <paramref name="path"/>; empty when it does not exist.</summary>
    IReadOnlyList<string> DirectoryNames(string path);

    /// <summary>Names (not paths) of the files in <paramref name="path"/>; empty when it does not exist.</summary>
    IReadOnlyList<string> FileNames(string path);
}
