using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AiBench.Core.Suites;

/// <summary>
/// Passes YAML events through while refusing what a suite never needs and what could exhaust the process: nesting
/// deeper than <see cref="MaxDepth"/> (the node builder recurses per level) and aliases (<c>*name</c>, the way to
/// blow a small file up into a huge tree). Refusals are <see cref="YamlException"/>s with the place.
/// </summary>
internal sealed class BoundedYamlParser(IParser inner) : IParser
{
    public const int MaxDepth = 32;

    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case AnchorAlias alias:
                throw new YamlException(alias.Start, alias.End, $"aliases (*{alias.Value}) are not supported in suites");
            case MappingStart or SequenceStart when ++_depth > MaxDepth:
                throw new YamlException(inner.Current.Start, inner.Current.End, $"nested deeper than {MaxDepth} levels");
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}
