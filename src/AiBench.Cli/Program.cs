using AiBench.Core.Jobs;
using AiBench.Cli;
using AiBench.Cli.Composition;

if (Launcher.FromProcessEnvironment().IsLaunched)
{
    DiagnosticsSocket.RemoveOwn();
}

return await CliApplication.RunAsync(args);
