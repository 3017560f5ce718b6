using AiBench.Reporting.Pdf;
using PuppeteerSharp;

namespace AiBench.Tests.Reporting.Browser;

/// <summary>What headless Chromium saw of one page: console errors, requests other than the page itself, and the charts.</summary>
internal sealed record PageInBrowser(IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> Requests, IReadOnlyList<ChartBox> Charts, int BrokenImages)
{
    /// <summary>Where the screenshots go: beside the test binary, <c>bin/Release/net10.0/screenshots</c>.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private const string MeasureCharts = """
        () => [...document.querySelectorAll('figure svg, .heatmap svg')].map(s => {
            const r = s.getBoundingClientRect();
            return { width: r.width, height: r.height, shapes: s.querySelectorAll('path, rect, line, polyline, circle, text').length };
        })
        """;

    /// <summary>Opens the page in the system Chromium (never a downloaded one), records everything, saves a full-page screenshot.</summary>
    public static async Task<PageInBrowser> OpenAsync(string htmlPath, string screenshotName)
    {
        var launch = new LaunchOptions { Headless = true, ExecutablePath = ChromiumLocator.Find(), Args = ChromiumLocator.Arguments() };
        await using IBrowser browser = await Puppeteer.LaunchAsync(launch);
        await using IPage page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        string url = new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri;
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                errors.Add(e.Message.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e.Message);
        page.Request += (_, e) =>
        {
            if (e.Request.Url != url)
            {
                requests.Add(e.Request.Url);
            }
        };

        await page.GoToAsync(url, WaitUntilNavigation.Load);
        ChartBox[] charts = await page.EvaluateFunctionAsync<ChartBox[]>(MeasureCharts);
        int broken = await page.EvaluateFunctionAsync<int>("() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length");
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(Path.Combine(ScreenshotFolder, screenshotName + ".png"), new ScreenshotOptions { FullPage = true });
        return new PageInBrowser(errors, requests, charts, broken);
    }
}

/// <summary>A chart's size on the page and how many shapes it drew.</summary>
internal sealed record ChartBox(double Width, double Height, int Shapes);
