namespace AiBench.Reporting.Pdf;

/// <summary>
/// The system's Chromium, the only browser AiBench drives (it never downloads one): Debian's <c>chromium</c>
/// first, then the other usual install paths.
/// </summary>
public static class ChromiumLocator
{
    public static readonly IReadOnlyList<string> Candidates =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium"];

    public static string? Find() => Candidates.FirstOrDefault(File.Exists);

    /// <summary>
    /// Chromium's command line: no sandbox as root (Chromium refuses to start otherwise), and /tmp instead of a small
    /// container /dev/shm. Pages are local files with no scripts, so the sandbox protects nothing here.
    /// </summary>
    public static string[] Arguments() =>
        string.Equals(System.Environment.UserName, "root", StringComparison.Ordinal)
            ? ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
            : ["--disable-dev-shm-usage", "--disable-gpu"];
}
