using Microsoft.Playwright;

namespace MarketSim.Tests.Support;

/// <summary>
/// A page of a results folder's report.html in Debian's Chromium, headless. Fails, never skips, when
/// Chromium is missing (scripts/test.sh installs it; MARKETSIM_CHROMIUM points elsewhere).
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser, IPage page) => (_playwright, _browser, Page) = (playwright, browser, page);

    /// <summary>The page, 1,200 × 900 pixels.</summary>
    public IPage Page { get; }

    /// <summary>Opens <c>report.html</c> of <paramref name="folder"/>.</summary>
    public static async Task<HeadlessChromium> OpenReport(string folder)
    {
        var chromium = Environment.GetEnvironmentVariable("MARKETSIM_CHROMIUM") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"Chromium not found at {chromium}: install the Debian package 'chromium' (scripts/test.sh does) or set MARKETSIM_CHROMIUM");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        await page.GotoAsync(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);
        return new HeadlessChromium(playwright, browser, page);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
