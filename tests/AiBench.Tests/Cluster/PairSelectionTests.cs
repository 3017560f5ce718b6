using AiBench.Core.Cluster;
using AiBench.Core.Errors;
using Xunit;

namespace AiBench.Tests.Cluster;

public class PairSelectionTests
{
    [Theory]
    [InlineData("all", PairSelectionKind.All, 0)]
    [InlineData(" Ring ", PairSelectionKind.Ring, 0)]
    [InlineData("random:8", PairSelectionKind.Random, 8)]
    [InlineData("RANDOM:1", PairSelectionKind.Random, 1)]
    public void Valid_selections_parse(string text, PairSelectionKind kind, int peers)
    {
        PairSelection selection = PairSelection.Parse(text);
        Assert.Equal((kind, peers), (selection.Kind, selection.PeersPerNode));
        Assert.Equal(selection, PairSelection.Parse(selection.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("star")]
    [InlineData("random")]
    [InlineData("random:")]
    [InlineData("random:0")]
    [InlineData("random:-2")]
    [InlineData("random:x")]
    [InlineData("random:99999999999")]
    public void Anything_else_is_bad_input_naming_the_parameter(string text)
    {
        var e = Assert.Throws<BadInputException>(() => PairSelection.Parse(text));
        Assert.StartsWith("pairs: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("all, ring or random:K", e.Message, StringComparison.Ordinal);
    }
}
