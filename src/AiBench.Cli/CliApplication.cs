using System.CommandLine;
using AiBench.Cli.Commands;
using AiBench.Cli.Composition;
using AiBench.Core.Errors;
using AiBench.Core.Files;

namespace AiBench.Cli;

/// <summary>
/// The composition root: builds the command tree and maps every failure to one stderr line and an exit code
/// (2 bad input, 3 could not run), so no input ever ends in a stack trace.
/// </summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= System.Console.Out;
        error ??= System.Console.Error;
        RootCommand root = new("AiBench: measures GPUs, memory, interconnects, storage and object stores, and judges the figures against vendor datasheets.")
        {
            ListCommand.Create(output),
            SysinfoCommand.Create(output),
            RunCommand.Create(output, error),
            ReportCommand.Create(output, error),
            MergeCommand.Create(output, error),
            CompareCommand.Create(output, error),
            GateCommand.Create(output, error),
            HistoryCommand.Create(output, error),
        };

        ParseResult parse = root.Parse(args, CliParsing.Configuration());
        if (parse.Errors.Count > 0)
        {
            Say(error, $"{FirstError(parse, root)} (see 'aibench --help')");
            return (int)ExitCode.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                // The run command handles Ctrl-C itself so it can still write partial results.
                ProcessTerminationTimeout = null,
            });
        }
        catch (BadInputException e)
        {
            Say(error, e.Message);
            return (int)ExitCode.BadInput;
        }
        catch (CouldNotRunException e)
        {
            Say(error, e.Message);
            return (int)ExitCode.CouldNotRun;
        }
        catch (OperationCanceledException)
        {
            Say(error, "interrupted");
            return (int)ExitCode.Interrupted;
        }
        catch (Exception e) when (StorageFault.Is(e))
        {
            // A file that could not be read or written at the last moment (a disk that filled, a folder that vanished).
            Say(error, e.Message);
            return (int)ExitCode.CouldNotRun;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not the user's input: one line and the details in a file, never a stack trace on the console.
            Say(error, $"internal error: {e.GetType().Name}: {e.Message}", CrashReport.Write(e));
            return (int)ExitCode.CouldNotRun;
        }
    }

    /// <summary>
    /// The parser's first error, except for a mistyped command (<c>aibench rnu</c>): the parser's first word on it was
    /// "Required command was not provided", which names neither the word nor the commands.
    /// </summary>
    private static string FirstError(ParseResult parse, RootCommand root) =>
        parse.CommandResult.Command == root && parse.UnmatchedTokens.Count > 0 && !parse.UnmatchedTokens[0].StartsWith('-')
            ? $"unknown command '{parse.UnmatchedTokens[0]}' (commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))})"
            : parse.Errors[0].Message;

    /// <summary>
    /// The one stderr line of a failure. Parser messages ("Did you mean one of the following?" and a list), exceptions
    /// of the runtime and of libraries, and the user's own tokens may span lines: line breaks become spaces, and any
    /// other control character is escaped. <paramref name="details"/> (where the crash report is) is kept whole when a
    /// long message is cut.
    /// </summary>
    private static void Say(TextWriter error, string message, string details = "") =>
        error.WriteLine($"aibench: {OneLine.Of(message.ReplaceLineEndings(" "))}{OneLine.Of(details)}");
}
