namespace AiBench.Reporting.Html;

/// <summary>The inline style sheet of the HTML reports (self-contained: no external files or fonts).</summary>
internal static class ReportCss
{
    public const string Text = """
        body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; }
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
        """;
}
