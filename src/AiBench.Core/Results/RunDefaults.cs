using AiBench.Core.Hosts;
using AiBench.Core.Parameters;

namespace AiBench.Core.Results;

/// <summary>
/// The generated deserialiser leaves an init-only member null when the file omits it (the schema lets a run omit
/// empty lists and maps) instead of keeping its declared default; every reader of the model relies on the default.
/// </summary>
internal static class RunDefaults
{
    public static Run Fill(Run run) => run with
    {
        Schema = run.Schema ?? Run.SchemaId,
        System = Fill(run.System),
        Benchmarks = run.Benchmarks ?? new Dictionary<string, BenchmarkDescription>(),
        Measurements = run.Measurements.Select(Fill).ToList(),
        Errors = run.Errors ?? [],
        RuleFailures = run.RuleFailures ?? [],
    };

    private static SystemInfo Fill(SystemInfo system) => system with
    {
        Os = system.Os ?? "unknown",
        Kernel = system.Kernel ?? "unknown",
        Cpu = system.Cpu with { Flags = system.Cpu.Flags ?? [] },
        Gpus = system.Gpus ?? [],
        Nics = system.Nics ?? [],
        BlockDevices = system.BlockDevices ?? [],
    };

    private static Measurement Fill(Measurement measurement) => measurement with
    {
        Params = measurement.Params ?? new Dictionary<string, ParameterValue>(),
        Labels = measurement.Labels ?? new Dictionary<string, string>(),
    };
}
