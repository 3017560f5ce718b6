using AiBench.Core.Errors;
using AiBench.Core.Hosts;

namespace AiBench.Cli.Commands;

/// <summary>
/// GitHub Actions' job summary: Markdown appended to the file <c>$GITHUB_STEP_SUMMARY</c> names, when it is set.
/// The environment is read here, in the CLI layer, and nowhere below it.
/// </summary>
internal static class StepSummary
{
    public const string Variable = "GITHUB_STEP_SUMMARY";

    /// <summary>Appends the Markdown and returns the file's path, or null when the variable is not set.</summary>
    public static string? Append(string markdown)
    {
        string? path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        // Appending opens the file for writing: on a FIFO without a reader that blocked the gate forever.
        if (FileTypes.Describe(path) is { } what)
        {
            throw new BadInputException($"{Variable}: '{path}' is {what}, not a regular file");
        }

        File.AppendAllText(path, markdown.EndsWith('\n') ? markdown + "\n" : markdown + "\n\n");
        return path;
    }
}
