using Microsoft.Playwright;

namespace MarketSim.Tests.Support;

/// <summary>
/// A page in Debian's Chromium, headless: a results folder's report.html, or any address. Fails, never skips, when
/// Chromium is missing (scripts/test.sh installs it; MARKETSIM_CHROMIUM points elsewhere).
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser, IPage page) => (_playwright, _browser, Page) = (playwright, browser, page);

    /// <summary>The page (1,200 × 900 pixels for a report; the size asked for otherwise).</summary>
    public IPage Page { get; }

    /// <summary>Opens <c>report.html</c> of <paramref name="folder"/>.</summary>
    public static async Task<HeadlessChromium> OpenReport(string folder)
    {
        var chromium = await Launch(1200, 900);
        await chromium.Page.GotoAsync(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);
        return chromium;
    }

    /// <summary>Opens <paramref name="address"/> in a viewport <paramref name="width"/> × <paramref name="height"/> pixels, accepting downloads.</summary>
    public static async Task<HeadlessChromium> Open(Uri address, int width, int height)
    {
        var chromium = await Launch(width, height);
        await chromium.Page.GotoAsync(address.AbsoluteUri);
        return chromium;
    }

    private static async Task<HeadlessChromium> Launch(int width, int height)
    {
        var chromium = Environment.GetEnvironmentVariable("MARKETSIM_CHROMIUM") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"Chromium not found at {chromium}: install the Debian package 'chromium' (scripts/test.sh does) or set MARKETSIM_CHROMIUM");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, AcceptDownloads = true });
            return new HeadlessChromium(playwright, browser, page);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
