namespace AiBench.Core.Suites;

/// <summary>Where in a suite a value sits, printed as <c>s.yaml: benchmarks[0].rules[1].min</c> in error messages.</summary>
internal readonly record struct YamlPlace(string Origin, string Path)
{
    public static YamlPlace Root(string origin) => new(origin, "");

    public YamlPlace Key(string key) => this with { Path = Path.Length == 0 ? key : $"{Path}.{key}" };

    public YamlPlace Index(int index) => this with { Path = $"{Path}[{index}]" };

    public override string ToString() => Path.Length == 0 ? Origin : $"{Origin}: {Path}";
}
