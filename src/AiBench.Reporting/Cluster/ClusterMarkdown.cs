using System.Globalization;
using System.Text;
using AiBench.Core.Cluster;
using AiBench.Core.Units;
using AiBench.Reporting.Markdown;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// <c>summary.md</c> of a cluster: the verdict line first, then what failed and why, the phases, the nodes, the pairs
/// and, up to <see cref="MaxMatrixNodes"/> nodes, the bandwidth matrix.
/// </summary>
public static class ClusterMarkdown
{
    public const int MaxMatrixNodes = 32;

    public static string Render(ClusterResult result)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(MarkdownText.Escape(ClusterText.VerdictLine(result))).Append("\n\n");
        md.Append("AiBench cluster ").Append(MarkdownText.Escape(result.ClusterId)).Append("\n\n");
        AppendFindings(md, result.Findings);
        foreach ((string label, string value) in ClusterTables.HeaderItems(result))
        {
            md.Append("- **").Append(label).Append(":** ").Append(MarkdownText.Escape(value)).Append('\n');
        }

        md.Append('\n');
        if (result.Phases.Count > 0)
        {
            md.Append("## Phases\n\n");
            MarkdownText.AppendTable(md, ClusterTables.PhaseHeaders, result.Phases.Select(ClusterTables.PhaseCells), new HashSet<int> { 2 });
        }

        md.Append("## Nodes\n\n");
        MarkdownText.AppendTable(md, ClusterTables.NodeHeaders, result.Nodes.Select(n => Shout(ClusterTables.NodeCells(n), 6)));
        if (result.Pairs.Count > 0)
        {
            IReadOnlyList<PairResult> rows = ClusterTables.PairRows(result);
            md.Append("## Pairs\n\n");
            if (rows.Count < result.Pairs.Count)
            {
                md.Append(CultureInfo.InvariantCulture, $"{rows.Count} of {result.Pairs.Count} pairs, failing first; all are in cluster.json.\n\n");
            }

            MarkdownText.AppendTable(md, ClusterTables.PairHeaders, rows.Select(p => Shout(ClusterTables.PairCells(p), 9)), ClusterTables.PairNumericColumns);
        }

        AppendMatrix(md, result);
        return md.ToString();
    }

    private static void AppendFindings(StringBuilder md, IReadOnlyList<ClusterFinding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        md.Append("## Failing nodes and links\n\n");
        MarkdownText.AppendTable(md, ["subject", "kind", "category", "reason"],
            findings.Take(ClusterTables.MaxFindings).Select(f => (IReadOnlyList<string>)[f.Subject, ClusterText.Of(f.Kind), f.Category, f.Reason]));
        if (findings.Count > ClusterTables.MaxFindings)
        {
            md.Append(CultureInfo.InvariantCulture, $"… and {findings.Count - ClusterTables.MaxFindings} more findings in cluster.json.\n\n");
        }
    }

    // Failures shout so they stand out in a plain-text diff or terminal, as in a run's summary.
    private static IReadOnlyList<string> Shout(IReadOnlyList<string> cells, int verdictColumn)
    {
        if (cells[verdictColumn] is "fail" or "error")
        {
            var copy = cells.ToArray();
            copy[verdictColumn] = copy[verdictColumn].ToUpperInvariant();
            return copy;
        }

        return cells;
    }

    /// <summary>The bandwidth matrix in one unit (the median's), rows sending to columns.</summary>
    private static void AppendMatrix(StringBuilder md, ClusterResult result)
    {
        PairMatrix? matrix = result.Matrices.FirstOrDefault(m => m.Metric == PairMetrics.Bandwidth);
        if (matrix is null || matrix.Nodes.Count > MaxMatrixNodes || matrix.Nodes.Count < 2)
        {
            return;
        }

        double[] values = matrix.Values.SelectMany(r => r).OfType<double>().Where(double.IsFinite).Order().ToArray();
        if (values.Length == 0)
        {
            return;
        }

        (_, string unit) = UnitFormatter.Scale(values[values.Length / 2], matrix.Unit);
        md.Append("## Bandwidth matrix (").Append(MarkdownText.Escape(unit)).Append(", from row to column)\n\n");
        var headers = new List<string> { "from ↓ to →" };
        headers.AddRange(matrix.Nodes);
        var rows = new List<IReadOnlyList<string>>();
        for (int i = 0; i < matrix.Nodes.Count; i++)
        {
            var row = new List<string> { matrix.Nodes[i] };
            for (int j = 0; j < matrix.Nodes.Count; j++)
            {
                double? v = i < matrix.Values.Count && j < matrix.Values[i].Count ? matrix.Values[i][j] : null;
                row.Add(i == j ? "" : v is { } x ? UnitFormatter.FormatNumber(UnitFormatter.ScaleLike(x, values[values.Length / 2], matrix.Unit).Value, 3) : "—");
            }

            rows.Add(row);
        }

        MarkdownText.AppendTable(md, headers, rows, Enumerable.Range(1, matrix.Nodes.Count).ToHashSet());
    }
}
