using AiBench.Core.Errors;
using AiBench.Core.Results;

namespace AiBench.Cli.Commands;

/// <summary>The base run and the run to judge, read and validated; the same run given twice is bad input, not a pass.</summary>
internal static class RunPair
{
    public static (Run Base, Run Run) Load(string basePath, string runPath)
    {
        if (string.Equals(RunFilePath(basePath), RunFilePath(runPath), StringComparison.Ordinal))
        {
            throw new BadInputException($"'{basePath}' and '{runPath}' are the same run; compare a run with another one");
        }

        Run before = RunFile.Read(basePath);
        Run after = RunFile.Read(runPath);
        return before.RunId == after.RunId
            ? throw new BadInputException($"'{basePath}' and '{runPath}' are the same run ({after.RunId}); compare a run with another one")
            : (before, after);
    }

    private static string RunFilePath(string path)
    {
        string full = Path.GetFullPath(path);
        return Directory.Exists(full) ? Path.Combine(full, RunFile.FileName) : full;
    }
}
