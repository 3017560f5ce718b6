using System.Collections;

namespace AiBench.Cli.Console;

/// <summary>
/// Whether the console output may carry terminal escape sequences (colour, a live progress bar). Under a parallel launcher
/// (mpirun, srun) stdout is often a pseudo-terminal the launcher forwards into a log, where escapes are noise, so a
/// launched rank writes plain text unless the user asks for colour; so does any run with <c>NO_COLOR</c> set,
/// <c>TERM=dumb</c>, or its output redirected.
/// </summary>
internal sealed record TerminalProfile(bool Escapes)
{
    public static TerminalProfile Decide(ColorChoice choice, bool launched) => choice switch
    {
        ColorChoice.Always => new TerminalProfile(Escapes: true),
        ColorChoice.Never => new TerminalProfile(Escapes: false),
        _ => new TerminalProfile(Escapes: !launched && !System.Console.IsOutputRedirected && !NoColorRequested()),
    };

    /// <summary>A console writing to <paramref name="output"/> with escapes and live updates only where this profile allows them.</summary>
    /// <remarks>
    /// Without escapes this process's <c>TERM</c> becomes <c>dumb</c> before anything is written: .NET's console otherwise
    /// sends the terminal's keypad-mode and colour-reset sequences to a stdout that is a terminal (as under mpirun) by itself.
    /// </remarks>
    public Spectre.Console.IAnsiConsole CreateConsole(TextWriter output)
    {
        if (!Escapes)
        {
            Environment.SetEnvironmentVariable("TERM", "dumb");
        }

        var settings = new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output),
            Ansi = Escapes ? Spectre.Console.AnsiSupport.Detect : Spectre.Console.AnsiSupport.No,
            ColorSystem = Escapes ? Spectre.Console.ColorSystemSupport.Detect : Spectre.Console.ColorSystemSupport.NoColors,
            Interactive = Escapes ? Spectre.Console.InteractionSupport.Detect : Spectre.Console.InteractionSupport.No,
        };
        return Spectre.Console.AnsiConsole.Create(settings);
    }

    // https://no-color.org: any non-empty NO_COLOR turns colour off; a dumb terminal understands no escapes.
    private static bool NoColorRequested()
    {
        IDictionary environment = Environment.GetEnvironmentVariables();
        return environment["NO_COLOR"] is string noColor && noColor.Length > 0
            || environment["TERM"] is string term && term == "dumb";
    }
}
