using AiBench.Core.Suites;
using Xunit;
using Xunit.Abstractions;

namespace AiBench.Tests.Fuzzing;

/// <summary>Mutated shipped suites through <see cref="SuiteParser.Parse"/>: parsed or refused as bad input, never a crash.</summary>
public class SuiteParserFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Mutated_suites_parse_or_are_bad_input()
    {
        string[] seeds = Directory.GetFiles(Path.Combine(RepoPaths.Root, "suites"), "*.yaml").Select(File.ReadAllText).ToArray();
        new FuzzTarget(output, "SuiteParser.Parse").Run(InputMutations.From(seeds), text => SuiteParser.Parse(text, "fuzz.yaml"));
    }
}
