using System.Text.RegularExpressions;
using AiBench.Reporting;
using AiBench.Reporting.Html;
using Xunit;

namespace AiBench.Tests.Reporting;

public partial class HtmlReportExporterTests
{
    [Fact]
    public void Report_is_self_contained_with_inline_charts_and_links_that_resolve()
    {
        using var dir = new TempDirectory();
        ReportResult result = ReportWriter.Write(ReportingSampleRun.Create(), dir.Path);
        Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(f => f.Message)));
        string html = File.ReadAllText(dir.File(ReportFileNames.HtmlReport));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<svg\\b"));
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);

        List<string> hrefs = Href().Matches(html).Select(m => m.Groups[1].Value).ToList();
        List<string> relative = hrefs.Where(h => !h.StartsWith('#') && !h.Contains(':', StringComparison.Ordinal)).ToList();
        Assert.Contains("run.json", relative);
        Assert.Contains("measurements.csv", relative);
        Assert.Contains("summary.md", relative);
        Assert.Contains("junit.xml", relative);
        Assert.Contains("charts/gpu.matmul.throughput.png", relative);
        Assert.All(relative, h => Assert.True(File.Exists(Path.Combine(dir.Path, Uri.UnescapeDataString(h))), $"{h} does not resolve"));
    }

    [Fact]
    public void Report_has_the_tables_system_and_coloured_verdicts_with_text_encoded()
    {
        using var dir = new TempDirectory();
        string html = HtmlReportExporter.Render(ReportingSampleRun.Create(), dir.Path);

        Assert.Contains("<span class=\"badge partial\">partial</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge fail\">fail</span>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"fail\">fail: efficiency &gt;= 0.70</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"pass\">pass: efficiency &gt;= 0.70</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>n</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">20</td>", html, StringComparison.Ordinal);
        Assert.Contains("no S3 endpoint configured, see &lt;script&gt;alert(1)&lt;/script&gt; &amp; docs", html, StringComparison.Ordinal);
        Assert.Contains("<h2>System details</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Environment</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"summary\">node17 2026-11-26: verdict fail", html, StringComparison.Ordinal);
        Assert.Contains("AMD EPYC 9654", html, StringComparison.Ordinal);
        Assert.Contains("Gen5 x16", html, StringComparison.Ordinal);
        Assert.Contains("400 Gbit/s", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Rule failures</h2>", html, StringComparison.Ordinal);

        // Without chart files in the folder the charts are drawn inline and no PNG is linked.
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain(".png", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Inlined_svg_ids_are_prefixed_per_chart()
    {
        const string svg = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"500\">"
            + "<clipPath id=\"cl_4\"><rect/></clipPath><g clip-path=\"url(#cl_4)\"><use href=\"#cl_4\"/></g></svg>";
        string inline = InlineSvg.Prepare(svg, "c2-");
        Assert.StartsWith("<svg viewBox=\"0 0 900 500\" xmlns=", inline, StringComparison.Ordinal);
        Assert.Contains("id=\"c2-cl_4\"", inline, StringComparison.Ordinal);
        Assert.Contains("url(#c2-cl_4)", inline, StringComparison.Ordinal);
        Assert.Contains("href=\"#c2-cl_4\"", inline, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
