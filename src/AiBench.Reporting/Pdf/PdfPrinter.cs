using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace AiBench.Reporting.Pdf;

/// <summary>
/// Prints a report's HTML to PDF in headless Chromium (the HTML stays the source; the PDF is its print view).
/// With no Chromium installed, the PDF is skipped with a note, not an error: the HTML is the report.
/// </summary>
public static class PdfPrinter
{
    private const int TimeoutMilliseconds = 60_000;

    public static PdfOutcome Print(string htmlPath, string pdfName)
    {
        if (!File.Exists(htmlPath))
        {
            return new PdfOutcome(null, $"{pdfName} not written: no {Path.GetFileName(htmlPath)} to print", null);
        }

        if (ChromiumLocator.Find() is not { } chromium)
        {
            return new PdfOutcome(null,
                $"{pdfName} not written: no Chromium at {string.Join(", ", ChromiumLocator.Candidates)} (Debian: apt-get install chromium); the HTML is the report",
                null);
        }

        string pdf = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(htmlPath))!, pdfName);
        try
        {
            PrintAsync(chromium, Path.GetFullPath(htmlPath), pdf).GetAwaiter().GetResult();
            return new PdfOutcome(pdf, null, null);
        }
        catch (Exception e)
        {
            return new PdfOutcome(null, null, new ExportFailure("pdf", $"pdf: {e.Message}", e));
        }
    }

    private static async Task PrintAsync(string chromium, string htmlPath, string pdfPath)
    {
        var launch = new LaunchOptions
        {
            Headless = true,
            ExecutablePath = chromium,
            Args = ChromiumLocator.Arguments(),
            Timeout = TimeoutMilliseconds,
        };
        await using IBrowser browser = await Puppeteer.LaunchAsync(launch);
        await using IPage page = await browser.NewPageAsync();
        await page.GoToAsync(new Uri(htmlPath).AbsoluteUri, TimeoutMilliseconds, [WaitUntilNavigation.Load]);

        // Written beside the target and moved, so a reader never opens half a PDF.
        string partial = pdfPath + ".partial";
        await page.PdfAsync(partial, new PdfOptions
        {
            Format = PaperFormat.A4,
            PrintBackground = true,
            MarginOptions = new MarginOptions { Top = "12mm", Bottom = "12mm", Left = "10mm", Right = "10mm" },
        });
        File.Move(partial, pdfPath, overwrite: true);
    }
}
