namespace AiBench.Cuda.Loading;

/// <summary>What the library search depends on: environment variables and a view of the file system.</summary>
public sealed class LibrarySearchEnvironment
{
    private readonly Func<string, string?> _variable;

    public LibrarySearchEnvironment(Func<string, string?> variable, IFileSystemView fileSystem)
    {
        _variable = variable;
        FileSystem = fileSystem;
    }

    /// <summary>This process's environment and the real file system.</summary>
    public static LibrarySearchEnvironment Current { get; } =
        new(Environment.GetEnvironmentVariable, PhysicalFileSystemView.Instance);

    public IFileSystemView FileSystem { get; }

    /// <summary>The variable's value, or null when it is unset or blank.</summary>
    public string? Variable(string name) => _variable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
