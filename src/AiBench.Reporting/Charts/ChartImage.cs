namespace AiBench.Reporting.Charts;

/// <summary>A rendered chart: SVG text (for inlining) and PNG bytes (for documents that cannot show SVG).</summary>
public sealed record ChartImage(ChartSpec Spec, string Svg, byte[] Png);
