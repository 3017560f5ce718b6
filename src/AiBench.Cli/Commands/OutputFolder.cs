using AiBench.Cli.Composition;
using AiBench.Core.Results;

namespace AiBench.Cli.Commands;

/// <summary>A folder given with <c>--out</c>: checked for writing before any work (exit 2), then written file by file, atomically.</summary>
internal sealed class OutputFolder
{
    private OutputFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>Null when no folder was given.</summary>
    public static OutputFolder? Checked(string? path)
    {
        if (path is null)
        {
            return null;
        }

        RunDirectory.CheckWritable(path);
        return new OutputFolder(path);
    }

    public void Write(string fileName, string text) => AtomicFile.WriteAllText(System.IO.Path.Combine(Path, fileName), text);
}
