using System.Globalization;
using AiBench.Core.Results;
using AiBench.Reporting.Text;

namespace AiBench.Reporting.Environment;

/// <summary>
/// What a reader needs to judge whether two runs can be compared, from the run's system and the measurements'
/// <c>info</c> (library versions, clocks, power and throttling are recorded per figure, not per system).
/// A fact the run did not record is null.
/// </summary>
public static class EnvironmentFacts
{
    public static readonly IReadOnlyList<string> Names =
    [
        "CPU", "memory", "GPU", "driver", "CUDA", "cuBLASLt", "NCCL", "SM clock", "memory clock", "power",
        "power limit", "throttling", "ECC errors", "OS", "kernel", "AiBench",
    ];

    public static IReadOnlyList<string?> Of(Run run)
    {
        var system = run.System;
        return
        [
            RunText.Cpu(system.Cpu),
            system.MemoryBytes > 0 ? RunText.Bytes(system.MemoryBytes) : null,
            system.Gpus.Count > 0 ? RunText.Gpus(system.Gpus) : null,
            Versions(system.Gpus.Select(g => g.Driver).Concat(Info(run, "nvidiaDriver"))),
            Versions(system.Gpus.Select(g => g.CudaVersion).Concat(Info(run, "cudaDriver"))),
            Versions(Info(run, "cublasLt")),
            Versions(Info(run, "ncclVersion")),
            Range(run, "smClockMHz", "MHz"),
            Range(run, "memoryClockMHz", "MHz"),
            Range(run, "powerW", "W"),
            Range(run, "powerLimitW", "W"),
            Throttling(run),
            Versions(Info(run, "eccVolatileUncorrected")) is { } ecc ? ecc + " uncorrected (volatile)" : null,
            system.Os,
            system.Kernel,
            RunText.Tool(run.Tool),
        ];
    }

    private static IEnumerable<string?> Info(Run run, string key) => run.Measurements.Select(m => m.Info?.GetValueOrDefault(key));

    private static string? Versions(IEnumerable<string?> values)
    {
        var distinct = values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count > 0 ? string.Join(", ", distinct) : null;
    }

    // Clocks and power move during a run; the range over its figures says how much.
    private static string? Range(Run run, string key, string unit)
    {
        var numbers = Info(run, key)
            .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.NaN)
            .Where(double.IsFinite)
            .ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        string Text(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        double min = numbers.Min(), max = numbers.Max();
        return min == max ? $"{Text(min)} {unit}" : $"{Text(min)}–{Text(max)} {unit}";
    }

    private static string? Throttling(Run run)
    {
        var reasons = Info(run, "clockEventReasons").Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (reasons.Count == 0)
        {
            return null;
        }

        var throttled = reasons.Where(r => r is not ("none" or "gpu_idle")).ToList();
        return throttled.Count == 0
            ? "none"
            : string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(", ", throttled.Distinct(StringComparer.Ordinal))} ({throttled.Count} of {reasons.Count} figures)");
    }
}
