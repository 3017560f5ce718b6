using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AiBench.Perf -- --filter '*'   (add --job short for a quick pass)
BenchmarkSwitcher.FromAssembly(typeof(AiBench.Perf.PerfRuns).Assembly).Run(args);
