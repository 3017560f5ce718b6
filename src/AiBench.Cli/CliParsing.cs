using System.CommandLine;

namespace AiBench.Cli;

/// <summary>
/// How AiBench reads its command line. No response files: <c>@PATH</c> would read any file as arguments before AiBench
/// sees it (<c>aibench @/dev/zero</c> never returned), and no command needs them.
/// </summary>
internal static class CliParsing
{
    public static ParserConfiguration Configuration() => new() { ResponseFileTokenReplacer = null };
}
