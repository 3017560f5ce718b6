using AiBench.Cli;

return await CliApplication.RunAsync(args);
