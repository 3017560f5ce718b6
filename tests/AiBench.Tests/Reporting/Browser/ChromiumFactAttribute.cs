using AiBench.Reporting.Pdf;
using Xunit;

namespace AiBench.Tests.Reporting.Browser;

/// <summary>
/// A test that needs the system's Chromium: skipped with the reason where none is installed, except under CI
/// (<c>CI</c> set), where a missing browser must fail rather than quietly skip the page checks.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ChromiumLocator.Find() is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"no Chromium at {string.Join(", ", ChromiumLocator.Candidates)} (Debian: apt-get install chromium)";
        }
    }
}
