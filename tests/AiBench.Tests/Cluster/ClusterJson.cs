using System.Text.Json.Nodes;

namespace AiBench.Tests.Cluster;

/// <summary>Reads the one cluster folder a run wrote under a results root.</summary>
internal sealed class ClusterJson
{
    private ClusterJson(string folder, JsonNode root)
    {
        Folder = folder;
        Root = root;
    }

    public string Folder { get; }

    public JsonNode Root { get; }

    public string Verdict => (string)Root["verdict"]!;

    public IEnumerable<JsonNode> Findings => Root["findings"]?.AsArray().OfType<JsonNode>() ?? [];

    public IEnumerable<JsonNode> Nodes => Root["nodes"]!.AsArray().OfType<JsonNode>();

    public IEnumerable<JsonNode> Pairs => Root["pairs"]?.AsArray().OfType<JsonNode>() ?? [];

    public static ClusterJson? TryRead(string resultsRoot)
    {
        string? path = Directory.Exists(resultsRoot)
            ? Directory.GetFiles(resultsRoot, "cluster.json", SearchOption.AllDirectories).SingleOrDefault()
            : null;
        return path is null ? null : new ClusterJson(Path.GetDirectoryName(path)!, JsonNode.Parse(File.ReadAllText(path))!);
    }

    public static ClusterJson Read(string resultsRoot, string log) =>
        TryRead(resultsRoot) ?? throw new Xunit.Sdk.XunitException($"no cluster.json under {resultsRoot}\n{log}");

    public string Describe() => string.Join("\n", Findings.Select(f => $"{f["kind"]} {f["subject"]} {f["category"]}: {f["reason"]}"));

    public IEnumerable<JsonNode> Blamed(string kind) => Findings.Where(f => (string?)f["kind"] == kind);
}
