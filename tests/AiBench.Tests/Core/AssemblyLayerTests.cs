using System.Reflection;
using Xunit;

namespace AiBench.Tests.Core;

/// <summary>
/// The layering of docs/architecture.md, checked on the built assemblies: Core depends on no other AiBench assembly,
/// Cuda only on Core, Benchmarks and Reporting never on each other, and only the CLI sees everything.
/// </summary>
public class AssemblyLayerTests
{
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "AiBench.Core", [] },
        { "AiBench.Cuda", ["AiBench.Core"] },
        { "AiBench.Benchmarks", ["AiBench.Core", "AiBench.Cuda"] },
        { "AiBench.Reporting", ["AiBench.Core"] },
        { "aibench", ["AiBench.Core", "AiBench.Benchmarks", "AiBench.Reporting"] }, // the CLI (AiBench.Cli)
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Each_assembly_references_only_the_layers_below_it(string assembly, string[] allowed)
    {
        string[] references = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("AiBench.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(allowed.Order(StringComparer.Ordinal), references);
    }
}
