using AiBench.Reporting.Text;

namespace AiBench.Reporting.Html;

/// <summary>The inline style sheet of the HTML reports (self-contained: no external files or fonts).</summary>
internal static class ReportCss
{
    public static readonly string Text = """
        body { font-family: FONTSTACK; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; }
        h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
        th, td { border: 1px solid #ddd; padding: .3rem .6rem; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
        dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
        .badge { display: inline-block; padding: .1rem .5rem; border-radius: .3rem; font-weight: 600; font-size: .9rem; }
        .pass, .complete { background: #e3f4e3; color: #1a6b1a; }
        .fail, .failed { background: #fbe3e3; color: #a11; }
        .error, .partial { background: #fff0d9; color: #8a5300; }
        .none { background: #eee; color: #555; }
        figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: .85rem; color: #555; }
        .note { color: #555; font-size: .85rem; }
        code { font-size: .85rem; }
        p.summary { font-size: 1.05rem; line-height: 1.5; background: #f6f8fa; border-left: 4px solid #0072B2; padding: .6rem 1rem; }
        p.legend .key { display: inline-block; margin-right: 1.2rem; white-space: nowrap; }
        .swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; margin-right: .35em; vertical-align: -.1em; }
        .peak-key { display: inline-block; width: 1.6em; border-top: 2px dashed #222; margin-right: .35em; vertical-align: .3em; }
        table.env th { text-align: left; } table.env .differs { background: #fff3bf; font-weight: 600; }
        td.warn { background: #fff0d9; color: #8a5300; font-size: .8rem; }
        td.better { background: #e3f4e3; color: #1a6b1a; } td.worse { background: #fbe3e3; color: #a11; }
        ul.method { font-size: .82rem; color: #444; padding-left: 1.2rem; } ul.method .what { font-weight: 600; }
        ul.method .which { font-style: italic; } details { font-size: .82rem; color: #444; }
        @media print { body { max-width: none; margin: 0; } figure, table { break-inside: avoid; } }
        """.Replace("FONTSTACK", FontStack.Css, StringComparison.Ordinal);
}
