using AiBench.Benchmarks.Collectives;
using AiBench.Cli;
using AiBench.Cli.Composition;

if (Launcher.Current.IsLaunched)
{
    DiagnosticsSocket.RemoveOwn();
}

return await CliApplication.RunAsync(args);
