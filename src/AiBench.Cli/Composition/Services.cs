using AiBench.Benchmarks;
using AiBench.Core.Baselines;
using AiBench.Core.Benchmarks;
using AiBench.Core.Errors;
using AiBench.Core.Hosts;

namespace AiBench.Cli.Composition;

/// <summary>Builds the registry, the baseline catalog and the system description the commands share.</summary>
internal static class Services
{
    public static BenchmarkRegistry CreateRegistry() => new(BuiltInBenchmarks.Create());

    public static BaselineCatalog LoadBaselines(string? directory)
    {
        if (directory is null)
        {
            return BaselineCatalog.Parse(EmbeddedFiles.Under("suites/baselines"));
        }

        return Directory.Exists(directory)
            ? BaselineCatalog.Load(directory)
            : throw new BadInputException($"baseline folder '{directory}' does not exist");
    }

    /// <summary>The machine as detected, with each GPU matched to its datasheet SKU.</summary>
    public static SystemInfo DescribeSystem(BaselineCatalog catalog)
    {
        SystemInfo system = SystemInfoCollector.Collect();
        return system with { Gpus = system.Gpus.Select(g => g with { Sku = catalog.MatchGpu(g.Name)?.Id }).ToList() };
    }
}
