using System.Globalization;
using System.Text;
using AiBench.Reporting.Html;

namespace AiBench.Reporting.Cluster;

/// <summary>The colour key of the heatmaps: swatches from 1 − <see cref="RatioColour.Span"/> to 1 + Span, with a caption.</summary>
internal static class HeatmapLegend
{
    private const int Steps = 12;
    private const double SwatchWidth = 34;

    public static void Append(StringBuilder html, string caption)
    {
        double width = (Steps + 1) * SwatchWidth + 140;
        html.Append("<figure class=\"legend\"><svg xmlns=\"").Append(Svg.Namespace).Append("\" class=\"hm\" width=\"").Append(Svg.Number(width))
            .Append("\" height=\"40\" viewBox=\"0 0 ").Append(Svg.Number(width)).Append(" 40\" role=\"img\" aria-label=\"colour key\">")
            .Append("<text x=\"0\" y=\"17\">worse</text>");
        for (int s = 0; s <= Steps; s++)
        {
            double goodness = 1 - RatioColour.Span + 2 * RatioColour.Span * s / Steps;
            double x = 50 + s * SwatchWidth;
            html.Append("<rect x=\"").Append(Svg.Number(x)).Append("\" y=\"4\" width=\"").Append(Svg.Number(SwatchWidth)).Append("\" height=\"18\" fill=\"")
                .Append(RatioColour.Fill(goodness)).Append("\"/>");
            if (s % 2 == 0)
            {
                html.Append("<text class=\"v\" x=\"").Append(Svg.Number(x + SwatchWidth / 2)).Append("\" y=\"36\">")
                    .Append(goodness.ToString("0.00", CultureInfo.InvariantCulture)).Append("</text>");
            }
        }

        html.Append("<text x=\"").Append(Svg.Number(58 + (Steps + 1) * SwatchWidth)).Append("\" y=\"17\">better</text></svg>")
            .Append("<figcaption>").Append(HtmlText.Encode(caption)).Append("</figcaption></figure>\n");
    }
}
