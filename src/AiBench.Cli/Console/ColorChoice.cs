namespace AiBench.Cli.Console;

/// <summary>The <c>--color</c> option: colour and live progress on a terminal (auto), or always, or never.</summary>
internal enum ColorChoice
{
    Auto,
    Always,
    Never,
}
