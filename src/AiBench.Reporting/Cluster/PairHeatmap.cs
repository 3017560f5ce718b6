using System.Text;
using AiBench.Core.Cluster;
using AiBench.Core.Results;
using AiBench.Reporting.Html;

namespace AiBench.Reporting.Cluster;

/// <summary>
/// The n × n pair heatmap: row node × column node, each measured pair coloured by its slower direction over the pair
/// fleet's median (<see cref="PairResult.RatioToFleet"/>), symmetric, empty diagonal, unmeasured cells hatched or grey;
/// the tooltip gives both directions and the verdict. Up to <see cref="MaxLabelledNodes"/> nodes every cell is drawn
/// with node labels; beyond, only the measured cells (a random:8 plan on 2,048 nodes is ~8k pairs, not 4M cells);
/// beyond <see cref="MaxDrawnPairs"/> pairs the nodes are binned and each cell is the worst pair of its two bins.
/// </summary>
internal static class PairHeatmap
{
    public const int MaxLabelledNodes = 64;
    public const int MaxDrawnPairs = 20_000;
    public const int MaxBins = 128;

    private const double FontSize = 11;
    private const double Canvas = 1024;

    private sealed record Cell(int I, int J, PairResult Pair, double? Ratio, string Tooltip);

    public static void Append(StringBuilder html, ClusterResult result)
    {
        List<Cell> cells = Cells(result);
        if (cells.Count == 0)
        {
            html.Append("<p class=\"note\">No node pairs were measured.</p>\n");
            return;
        }

        IReadOnlyList<string> names = result.Nodes.Select(n => n.Identity.Name).ToList();
        html.Append("<div class=\"heatmap\">");
        if (names.Count <= MaxLabelledNodes)
        {
            AppendLabelled(html, names, cells);
        }
        else if (cells.Count <= MaxDrawnPairs)
        {
            AppendMeasuredOnly(html, names, cells);
        }
        else
        {
            AppendBinned(html, names, cells);
        }

        html.Append("</div>\n");
    }

    /// <summary>The slower direction's ratio when the analysis did not give one: over the median of every pair's slower direction.</summary>
    private static List<Cell> Cells(ClusterResult result)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < result.Nodes.Count; i++)
        {
            index.TryAdd(result.Nodes[i].Identity.Name, i);
        }

        double[] slower = result.Pairs.Select(Slower).OfType<double>().Order().ToArray();
        double median = slower.Length == 0 ? double.NaN
            : slower.Length % 2 == 1 ? slower[slower.Length / 2] : (slower[slower.Length / 2 - 1] + slower[slower.Length / 2]) / 2;
        var cells = new List<Cell>(result.Pairs.Count);
        foreach (PairResult pair in result.Pairs)
        {
            if (!index.TryGetValue(pair.A, out int i) || !index.TryGetValue(pair.B, out int j) || i == j)
            {
                continue;
            }

            double? ratio = pair.RatioToFleet ?? (Slower(pair) is { } s && median > 0 ? s / median : null);
            cells.Add(new Cell(i, j, pair, ratio, Tooltip(pair, ratio)));
        }

        // Failing pairs drawn last, so a neighbour never covers them where cells overlap.
        return cells.OrderBy(c => ClusterText.IsFailure(c.Pair.Verdict)).ToList();
    }

    private static double? Slower(PairResult pair) =>
        (pair.BandwidthAToB, pair.BandwidthBToA) switch
        {
            ({ } ab, { } ba) => Math.Min(ab, ba),
            ({ } ab, null) => ab,
            (null, { } ba) => ba,
            _ => null,
        };

    private static string Tooltip(PairResult pair, double? ratio)
    {
        var text = new StringBuilder();
        text.Append(pair.A).Append(" → ").Append(pair.B).Append(": ").Append(ClusterText.Bandwidth(pair.BandwidthAToB))
            .Append("; ").Append(pair.B).Append(" → ").Append(pair.A).Append(": ").Append(ClusterText.Bandwidth(pair.BandwidthBToA));
        if (ratio is not null)
        {
            text.Append("; slower ").Append(ClusterText.Ratio(ratio)).Append(" × the fleet median");
        }

        if (pair.RatioToLineRate is { } line)
        {
            text.Append(", ").Append(ClusterText.Ratio(line)).Append(" × line rate");
        }

        text.Append("; ").Append(Text.EnumText.Of(pair.Verdict));
        if (!string.IsNullOrEmpty(pair.Reason))
        {
            text.Append(": ").Append(pair.Reason);
        }

        return text.ToString();
    }

    private static string Fill(Cell cell, string unmeasured) => cell.Ratio is { } r ? RatioColour.Fill(RatioColour.Goodness(r, Direction.Higher)) : unmeasured;

    private static void AppendLabelled(StringBuilder html, IReadOnlyList<string> names, List<Cell> cells)
    {
        int n = names.Count;
        double size = n <= 24 ? 20 : 12;
        var labels = names.Select(l => Svg.Truncate(l, 32)).ToList();
        double margin = Math.Ceiling(labels.Max(l => Svg.TextWidth(l, FontSize))) + 10;
        double side = margin + n * size + 4;
        OpenSvg(html, side, side);
        html.AppendHatch("ph-hatch");
        html.Append("<rect x=\"").Append(Svg.Number(margin)).Append("\" y=\"").Append(Svg.Number(margin)).Append("\" width=\"")
            .Append(Svg.Number(n * size)).Append("\" height=\"").Append(Svg.Number(n * size)).Append("\" fill=\"url(#ph-hatch)\"><title>not measured</title></rect>");
        for (int i = 0; i < n; i++)
        {
            double at = margin + i * size;
            string label = HtmlText.Encode(labels[i]);
            html.Append("<text x=\"0\" y=\"").Append(Svg.Number(at + size / 2 + FontSize / 3)).Append("\">").Append(label).Append("</text>")
                .Append("<text transform=\"translate(").Append(Svg.Number(at + size / 2 + FontSize / 3)).Append(',').Append(Svg.Number(margin - 6))
                .Append(") rotate(-90)\">").Append(label).Append("</text>")
                .Append("<rect x=\"").Append(Svg.Number(at)).Append("\" y=\"").Append(Svg.Number(at)).Append("\" width=\"").Append(Svg.Number(size))
                .Append("\" height=\"").Append(Svg.Number(size)).Append("\" fill=\"#fff\" stroke=\"#ddd\"/>");
        }

        foreach (Cell cell in cells)
        {
            html.Append("<g fill=\"").Append(Fill(cell, "url(#ph-hatch)")).Append("\" stroke=\"#ddd\">").AppendTitle(cell.Tooltip);
            AppendSquare(html, margin + cell.J * size, margin + cell.I * size, size);
            AppendSquare(html, margin + cell.I * size, margin + cell.J * size, size);
            html.Append("</g>\n");
        }

        html.Append("</svg>");
    }

    private static void AppendMeasuredOnly(StringBuilder html, IReadOnlyList<string> names, List<Cell> cells)
    {
        int n = names.Count;
        double margin = AppendScaledFrame(html, names, n, 1);
        // A cell of at least ~2 px, a failing one ~8 px, so one bad pair among 4M cells is still a visible dot.
        double size = Math.Max(1, n / (Canvas / 2));
        foreach (Cell cell in cells)
        {
            double drawn = ClusterText.IsFailure(cell.Pair.Verdict) ? 4 * size : size;
            double shift = (drawn - 1) / 2;
            html.Append("<g fill=\"").Append(Fill(cell, "#999")).Append("\">").AppendTitle(cell.Tooltip);
            AppendSquare(html, cell.J - shift, cell.I - shift, drawn);
            AppendSquare(html, cell.I - shift, cell.J - shift, drawn);
            html.Append("</g>\n");
        }

        CloseScaledFrame(html, margin);
    }

    private static void AppendBinned(StringBuilder html, IReadOnlyList<string> names, List<Cell> cells)
    {
        int n = names.Count;
        int binSize = (n + MaxBins - 1) / MaxBins;
        int bins = (n + binSize - 1) / binSize;
        var worst = new Dictionary<(int, int), (Cell Cell, int Count)>();
        foreach (Cell cell in cells)
        {
            (int, int) key = (Math.Min(cell.I, cell.J) / binSize, Math.Max(cell.I, cell.J) / binSize);
            if (!worst.TryGetValue(key, out var current))
            {
                worst[key] = (cell, 1);
            }
            else
            {
                worst[key] = (IsWorse(cell, current.Cell) ? cell : current.Cell, current.Count + 1);
            }
        }

        double margin = AppendScaledFrame(html, names, bins, binSize);
        foreach (((int bi, int bj), (Cell cell, int count)) in worst)
        {
            string from = Range(names, bi, binSize);
            string to = Range(names, bj, binSize);
            html.Append("<g fill=\"").Append(Fill(cell, "#999")).Append("\">")
                .AppendTitle($"{from} × {to}: {count} pairs, worst {cell.Tooltip}");
            AppendSquare(html, bj, bi, 1);
            AppendSquare(html, bi, bj, 1);
            html.Append("</g>\n");
        }

        CloseScaledFrame(html, margin);
    }

    // Unmeasured pairs (Ratio null) count as worst: a bin holding one must not look healthy.
    private static bool IsWorse(Cell candidate, Cell current) =>
        (candidate.Ratio ?? double.NegativeInfinity) < (current.Ratio ?? double.NegativeInfinity);

    private static string Range(IReadOnlyList<string> names, int bin, int binSize)
    {
        int first = bin * binSize;
        int last = Math.Min(names.Count, first + binSize) - 1;
        return first == last ? names[first] : $"{names[first]}…{names[last]}";
    }

    /// <summary>Opens an outer SVG with tick labels every few nodes and an inner one in cell units (one unit per node or bin).</summary>
    private static double AppendScaledFrame(StringBuilder html, IReadOnlyList<string> names, int units, int binSize)
    {
        const int Ticks = 16;
        int step = Math.Max(1, (units + Ticks - 1) / Ticks);
        var ticks = Enumerable.Range(0, units).Where(u => u % step == 0).ToList();
        var labels = ticks.Select(u => Svg.Truncate(names[u * binSize], 24)).ToList();
        double margin = Math.Ceiling(labels.Max(l => Svg.TextWidth(l, FontSize))) + 10;
        double scale = Canvas / units;
        double side = margin + Canvas + 4;
        OpenSvg(html, side, side);
        for (int t = 0; t < ticks.Count; t++)
        {
            double at = margin + (ticks[t] + 0.5) * scale;
            string label = HtmlText.Encode(labels[t]);
            html.Append("<text x=\"0\" y=\"").Append(Svg.Number(at + FontSize / 3)).Append("\">").Append(label).Append("</text>")
                .Append("<text transform=\"translate(").Append(Svg.Number(at + FontSize / 3)).Append(',').Append(Svg.Number(margin - 6))
                .Append(") rotate(-90)\">").Append(label).Append("</text>");
        }

        html.Append("<svg x=\"").Append(Svg.Number(margin)).Append("\" y=\"").Append(Svg.Number(margin)).Append("\" width=\"")
            .Append(Svg.Number(Canvas)).Append("\" height=\"").Append(Svg.Number(Canvas)).Append("\" viewBox=\"0 0 ")
            .Append(Svg.Number(units)).Append(' ').Append(Svg.Number(units)).Append("\" preserveAspectRatio=\"none\">")
            .Append("<rect width=\"").Append(Svg.Number(units)).Append("\" height=\"").Append(Svg.Number(units))
            .Append("\" fill=\"#e4e4e4\"><title>not measured</title></rect>\n");
        return margin;
    }

    private static void CloseScaledFrame(StringBuilder html, double margin) =>
        html.Append("</svg>").Append("<rect x=\"").Append(Svg.Number(margin)).Append("\" y=\"").Append(Svg.Number(margin))
            .Append("\" width=\"").Append(Svg.Number(Canvas)).Append("\" height=\"").Append(Svg.Number(Canvas))
            .Append("\" fill=\"none\" stroke=\"#bbb\"/></svg>");

    private static void OpenSvg(StringBuilder html, double width, double height) =>
        html.Append("<svg xmlns=\"").Append(Svg.Namespace).Append("\" class=\"hm\" width=\"").Append(Svg.Number(width)).Append("\" height=\"")
            .Append(Svg.Number(height)).Append("\" viewBox=\"0 0 ").Append(Svg.Number(width)).Append(' ').Append(Svg.Number(height))
            .Append("\" role=\"img\" aria-label=\"pair bandwidth, slower direction over the fleet median\">");

    private static void AppendSquare(StringBuilder html, double x, double y, double size) =>
        html.Append("<rect x=\"").Append(Svg.Number(x)).Append("\" y=\"").Append(Svg.Number(y)).Append("\" width=\"")
            .Append(Svg.Number(size)).Append("\" height=\"").Append(Svg.Number(size)).Append("\"/>");
}
