using System.Text;
using AiBench.Core.Cluster;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// The node × figure heatmap: a row per node, a column per measurement key, each cell the node's figure over the fleet
/// median, coloured by <see cref="RatioColour"/>. Beyond <see cref="MaxRows"/> nodes the failing nodes keep a row each
/// and the fleet is drawn in bins of neighbouring nodes, each cell the worst of its bin (named in the tooltip), so the
/// drawing stays a few hundred kilobytes at 2,048 nodes.
/// </summary>
internal static class NodeHeatmap
{
    public const int MaxRows = 64;

    private const double CellWidth = 46;
    private const double CellHeight = 18;
    private const double FontSize = 11;
    private const double Gap = 22;

    private sealed record Row(string Label, string Tooltip, IReadOnlyList<NodeResult> Members);

    /// <summary>Appends the heatmap (an inline SVG), or a note when no node has figures to compare.</summary>
    public static void Append(StringBuilder html, ClusterResult result, FigureDirections directions)
    {
        IReadOnlyList<HeatmapColumn> columns = HeatmapColumn.For(result.Nodes.SelectMany(n => n.FleetRatios.Keys), directions);
        if (columns.Count == 0)
        {
            html.Append("<p class=\"note\">No node figures to compare with the fleet.</p>\n");
            return;
        }

        (List<Row> single, List<Row> bins, int binSize) = Rows(result.Nodes);
        var rowLabels = single.Concat(bins).Select(r => Svg.Truncate(r.Label, 36)).ToList();
        var columnLabels = columns.Select(c => Svg.Truncate(c.Label, 44)).ToList();
        double left = Math.Ceiling(rowLabels.Max(l => Svg.TextWidth(l, FontSize))) + 10;
        double top = Math.Ceiling(columnLabels.Max(l => Svg.TextWidth(l, FontSize))) + 10;
        double binTop = top + single.Count * CellHeight + (single.Count > 0 && bins.Count > 0 ? Gap : 0);
        double width = left + columns.Count * CellWidth + 4;
        double height = binTop + bins.Count * CellHeight + 4;

        html.Append("<div class=\"heatmap\"><svg xmlns=\"").Append(Svg.Namespace).Append("\" class=\"hm\" width=\"").Append(Svg.Number(width))
            .Append("\" height=\"").Append(Svg.Number(height)).Append("\" viewBox=\"0 0 ").Append(Svg.Number(width)).Append(' ')
            .Append(Svg.Number(height)).Append("\" role=\"img\" aria-label=\"node figures over the fleet median\">");
        html.AppendHatch("nh-hatch");
        for (int c = 0; c < columns.Count; c++)
        {
            double x = left + c * CellWidth + CellWidth / 2 + FontSize / 3;
            html.Append("<text transform=\"translate(").Append(Svg.Number(x)).Append(',').Append(Svg.Number(top - 6))
                .Append(") rotate(-90)\">").AppendTitle(columns[c].Key).Append(Html.HtmlText.Encode(columnLabels[c])).Append("</text>");
        }

        AppendRows(html, single, columns, left, top);
        if (bins.Count > 0)
        {
            if (single.Count > 0)
            {
                html.Append("<text x=\"0\" y=\"").Append(Svg.Number(binTop - 7)).Append("\">")
                    .Append(Html.HtmlText.Encode($"All {result.Nodes.Count} nodes in bins of {binSize}, each cell the worst of its bin:")).Append("</text>");
            }

            AppendRows(html, bins, columns, left, binTop);
        }

        html.Append("</svg></div>\n");
    }

    private static (List<Row> Single, List<Row> Bins, int BinSize) Rows(IReadOnlyList<NodeResult> nodes)
    {
        if (nodes.Count <= MaxRows)
        {
            return (nodes.Select(n => new Row(n.Identity.Name, NodeTooltip(n), [n])).ToList(), [], 1);
        }

        var failing = nodes.Where(n => ClusterText.IsFailure(n.Verdict) || n.State != NodeState.Answered).Take(MaxRows)
            .Select(n => new Row(n.Identity.Name, NodeTooltip(n), [n])).ToList();
        int binSize = (nodes.Count + MaxRows - 1) / MaxRows;
        var bins = nodes.Chunk(binSize).Select(chunk =>
        {
            string first = chunk[0].Identity.Name;
            string last = chunk[^1].Identity.Name;
            return new Row($"{Svg.Truncate(first, 28)} +{chunk.Length - 1}", $"{chunk.Length} nodes, {first} … {last}", chunk);
        }).ToList();
        return (failing, bins, binSize);
    }

    private static string NodeTooltip(NodeResult node) =>
        node.Identity.Host == node.Identity.Name ? node.Identity.Name : $"{node.Identity.Name} (host {node.Identity.Host})";

    private static void AppendRows(StringBuilder html, List<Row> rows, IReadOnlyList<HeatmapColumn> columns, double left, double top)
    {
        for (int r = 0; r < rows.Count; r++)
        {
            Row row = rows[r];
            double y = top + r * CellHeight;
            html.Append("<g transform=\"translate(0,").Append(Svg.Number(y)).Append(")\"><text x=\"0\" y=\"13\">")
                .AppendTitle(row.Tooltip).Append(Html.HtmlText.Encode(Svg.Truncate(row.Label, 36))).Append("</text>");
            for (int c = 0; c < columns.Count; c++)
            {
                AppendCell(html, row, columns[c], left + c * CellWidth);
            }

            html.Append("</g>\n");
        }
    }

    private static void AppendCell(StringBuilder html, Row row, HeatmapColumn column, double x)
    {
        NodeResult? worst = null;
        double worstRatio = double.NaN;
        double worstGoodness = double.PositiveInfinity;
        int measured = 0;
        foreach (NodeResult node in row.Members)
        {
            if (node.FleetRatios.TryGetValue(column.Key, out double ratio) && !double.IsNaN(ratio))
            {
                measured++;
                double goodness = RatioColour.Goodness(ratio, column.Better);
                if (worst is null || goodness < worstGoodness)
                {
                    (worst, worstRatio, worstGoodness) = (node, ratio, goodness);
                }
            }
        }

        html.Append("<g><title>");
        if (worst is null)
        {
            html.Append(Html.HtmlText.Encode($"{row.Tooltip} · {column.Label}: not measured")).Append("</title><rect x=\"").Append(Svg.Number(x))
                .Append("\" width=\"").Append(Svg.Number(CellWidth - 1)).Append("\" height=\"").Append(Svg.Number(CellHeight - 1))
                .Append("\" fill=\"url(#nh-hatch)\"/></g>");
            return;
        }

        string ratioText = ClusterText.Ratio(worstRatio);
        string tooltip = row.Members.Count == 1
            ? $"{row.Tooltip} · {column.Label}: {ratioText} × the fleet median"
            : $"{column.Label} in {row.Tooltip}: worst {worst.Identity.Name} at {ratioText} × the fleet median ({measured} measured)";
        html.Append(Html.HtmlText.Encode(tooltip)).Append("</title><rect x=\"").Append(Svg.Number(x)).Append("\" width=\"")
            .Append(Svg.Number(CellWidth - 1)).Append("\" height=\"").Append(Svg.Number(CellHeight - 1)).Append("\" fill=\"")
            .Append(RatioColour.Fill(worstGoodness)).Append("\"/><text class=\"v\" x=\"").Append(Svg.Number(x + CellWidth / 2))
            .Append("\" y=\"13\" fill=\"").Append(RatioColour.TextFill(worstGoodness)).Append("\">").Append(ratioText).Append("</text></g>");
    }
}
