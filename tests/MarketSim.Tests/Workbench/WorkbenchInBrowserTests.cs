using System.Diagnostics;
using System.Text.RegularExpressions;
using MarketSim.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MarketSim.Tests.Workbench;

/// <summary>
/// The workbench as a strategy lead uses it, in Debian's headless Chromium: change a lever (a wrong value first),
/// run the base and the variant with one seed while watching the progress bar, read the variant's report pages,
/// compare the two, download the workbook, and use it at a phone's width.
/// </summary>
public sealed partial class WorkbenchInBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string SlpARate = "providers.slp_a.rate_gbp_per_hour";
    private const string Runs = "2,000";
    private const string Seed = "7";
    private static readonly float RunTimeout = (float)TimeSpan.FromSeconds(240).TotalMilliseconds;

    private readonly Support.Workbench _workbench = new();

    private readonly string _screenshots = Path.Combine(Path.GetTempPath(), "marketsim-workbench-screenshots");

    public Task InitializeAsync() => _workbench.InitializeAsync();

    public Task DisposeAsync() => _workbench.DisposeAsync();

    [Fact]
    public async Task A_strategy_lead_changes_a_rate_runs_it_watches_progress_reaches_100_percent_and_compares_with_the_base()
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(_screenshots);
        await using var chromium = await HeadlessChromium.Open(_workbench.Address, 1280, 800);
        var page = chromium.Page;
        page.SetDefaultTimeout(30_000);

        // 1. Home → Scenarios → the bundled Doncaster CCASH scenario → its levers.
        await Expect(page.Locator("h1")).ToHaveTextAsync("MarketSim workbench");
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Scenarios", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Scenarios");
        await page.Locator("a[href='/scenarios/bundled/doncaster-ccash.yaml']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Doncaster CCASH");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change its levers" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Levers: Doncaster CCASH");

        // 2. A negative rate for SLP A: the validator's message beside that field, and nothing saved.
        var rate = page.Locator($"[id='lever-{SlpARate}']");
        await Expect(rate).ToHaveValueAsync("14.36");
        await rate.FillAsync("-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and save as a variant" }).ClickAsync();
        var problem = page.Locator($"[id='lever-{SlpARate}-problem']");
        await Expect(problem).ToBeVisibleAsync();
        await Expect(problem).ToHaveClassAsync("error");
        await Expect(problem).ToContainTextAsync("-3 is negative; allowed: a rate in pounds an hour > 0");
        await Expect(rate).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#problems")).ToContainTextAsync("Nothing was saved");
        Assert.Empty(Directory.EnumerateFiles(_workbench.Server.Experiments.Scenarios));
        await Screenshot(page, "1-levers-with-a-wrong-value.png");

        // 3. Fixed: saved as a variant among the user's scenarios.
        await Expect(rate).ToHaveValueAsync("-3");
        await rate.FillAsync("15.50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and save as a variant" }).ClickAsync();
        await Expect(page.Locator("#saved")).ToBeVisibleAsync();
        var saved = SavedVariant().Match(page.Url);
        Assert.True(saved.Success, $"not a saved variant's page: {page.Url}");
        var variantFile = Uri.UnescapeDataString(saved.Groups[1].Value);
        Assert.Contains("15.5", await File.ReadAllTextAsync(Path.Combine(_workbench.Server.Experiments.Scenarios, variantFile)));

        // 4. The base, then the variant, 2,000 runs each with seed 7, watched to 100%.
        var baseId = await RunAndWatch(page, "bundled/doncaster-ccash.yaml", "2-progress-at-100-percent.png");
        var variantId = await RunAndWatch(page, $"mine/{variantFile}", null);
        Assert.NotEqual(baseId, variantId);

        // 5. The variant's report, as pages: the charts in Distributions, the providers in Market sustainability.
        await Expect(page).ToHaveURLAsync($"{_workbench.Address}experiments/{variantId}");
        var sections = page.Locator("nav.sections");
        await Expect(sections).ToBeVisibleAsync();
        await Expect(sections).ToContainTextAsync("Distributions");
        await Expect(sections).ToContainTextAsync("Market sustainability");
        await sections.GetByRole(AriaRole.Link, new() { Name = "Distributions", Exact = true }).ClickAsync();
        await Expect(page.Locator("main h2").First).ToHaveTextAsync("Distributions");
        await Expect(page.Locator("main figure svg").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("main figure svg").CountAsync() >= 1);
        await Screenshot(page, "3-results-distributions.png");
        await sections.GetByRole(AriaRole.Link, new() { Name = "Market sustainability", Exact = true }).ClickAsync();
        await Expect(page.Locator("main h2").First).ToHaveTextAsync("Market sustainability");
        await Expect(page.Locator("main h3", new() { HasText = "Providers most at risk" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("SLP A");
        await Screenshot(page, "4-results-market-sustainability.png");

        // 6. results.xlsx from the results page's link: a workbook (a zip).
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "results.xlsx (Excel)" }).ClickAsync());
        var workbook = Path.Combine(_workbench.Folder, "downloaded-results.xlsx");
        await download.SaveAsAsync(workbook);
        Assert.EndsWith("-results.xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(workbook);
        Assert.True(bytes.Length > 10_000, $"results.xlsx is {bytes.Length} bytes");
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        // 7. The variant against the base: the same seed, so the differences are paired.
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Compare", Exact = true }).ClickAsync();
        await page.Locator("select#base").SelectOptionAsync(baseId);
        await page.Locator($"input[name='e'][value='{variantId}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
        await Expect(page.Locator("table#comparison")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("differences are paired run by run over 2,000 runs");
        await Expect(page.Locator("table#comparison")).ToContainTextAsync("(paired)");
        Assert.Contains($"base={baseId}", page.Url, StringComparison.Ordinal);
        await Screenshot(page, "5-compare.png");

        // 8. At a phone's width: nothing wider than the screen (long tables scroll in their own boxes), and the Run form's Start button on it.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"{_workbench.Address}run");
        await AssertFitsTheWidth(page, "the Run page");
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start" });
        await start.ScrollIntoViewIfNeededAsync();
        await Expect(start).ToBeVisibleAsync();
        var box = await start.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the Start button spans x = {box.X} to {box.X + box.Width} on a 390-pixel screen");
        await Screenshot(page, "6-phone-run.png");
        await page.GotoAsync($"{_workbench.Address}experiments/{variantId}");
        var count = await page.Locator("nav.sections a, nav.sections strong").CountAsync();
        Assert.True(count >= 5, $"{count} sections");
        for (var i = 0; i < count; i++)
        {
            await page.GotoAsync($"{_workbench.Address}experiments/{variantId}?section={i}");
            await AssertFitsTheWidth(page, $"section {i} of the results");
        }
        await page.GotoAsync($"{_workbench.Address}experiments/{variantId}");
        await Screenshot(page, "7-phone-results.png");
        await page.GotoAsync($"{_workbench.Address}compare?base={baseId}&e={variantId}");
        await Expect(page.Locator("table#comparison")).ToBeVisibleAsync();
        await AssertFitsTheWidth(page, "the Compare page");
        await Screenshot(page, "8-phone-compare.png");

        output.WriteLine($"Screenshots in {_screenshots}; the whole walk took {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>Runs <paramref name="scenario"/> from the Run form and waits on its progress page for 100% and the results link, which it follows; returns the experiment's id.</summary>
    private async Task<string> RunAndWatch(IPage page, string scenario, string? screenshot)
    {
        var clock = Stopwatch.StartNew();
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Run", Exact = true }).ClickAsync();
        await page.Locator("select#scenario").SelectOptionAsync(scenario);
        await page.Locator("#runs").FillAsync(Runs);
        await page.Locator("#seed").FillAsync(Seed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(page.Locator("progress#bar")).ToBeVisibleAsync();
        var id = ProgressPage().Match(page.Url);
        Assert.True(id.Success, $"not a progress page: {page.Url}");
        await Expect(page.Locator("main p.muted").First).ToContainTextAsync($"{Runs} runs, seed {Seed}");

        var link = page.Locator("#results-link");
        await Expect(link).ToBeVisibleAsync(new() { Timeout = RunTimeout });
        await Expect(page.Locator("#percent")).ToHaveTextAsync("100%");
        await Expect(page.Locator("#done")).ToHaveTextAsync($"{Runs} of {Runs} runs");
        Assert.Equal("100", await page.Locator("progress#bar").EvaluateAsync<string>("bar => String(bar.value)"));
        await Expect(page.Locator("#status")).ToContainTextAsync("Done");
        await Expect(page.Locator("#rate")).ToContainTextAsync("runs/s");
        await Expect(page.Locator("#estimate")).ToContainTextAsync("95% interval");
        await Expect(page.Locator("#cancel")).ToBeHiddenAsync();
        await Expect(link).ToHaveTextAsync("See the results");
        if (screenshot is not null)
        {
            await Screenshot(page, screenshot);
        }
        await link.ClickAsync();
        await Expect(page.Locator("nav.sections")).ToBeVisibleAsync();
        output.WriteLine($"{scenario}: {Runs} runs in {clock.Elapsed.TotalSeconds:F1} s from Start to the results page");
        return id.Groups[1].Value;
    }

    private static async Task AssertFitsTheWidth(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"{what} is {widths[0]} pixels wide on a {widths[1]}-pixel screen: {await Widest(page)}");
    }

    /// <summary>The elements reaching furthest past the right edge, to say what overflows.</summary>
    private static Task<string> Widest(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')]
          .map(e => ({ e, right: e.getBoundingClientRect().right }))
          .filter(x => x.right > window.innerWidth + 1)
          .sort((a, b) => b.right - a.right).slice(0, 5)
          .map(x => `${x.e.tagName.toLowerCase()}${x.e.id ? '#' + x.e.id : ''}${x.e.className ? '.' + x.e.className : ''} to ${Math.round(x.right)} px`).join('; ')
        """);

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(_screenshots, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is {new FileInfo(path).Length} bytes");
        output.WriteLine($"Screenshot: {path}");
    }

    [GeneratedRegex("/scenarios/mine/([^/?]+)\\?saved=1$")]
    private static partial Regex SavedVariant();

    [GeneratedRegex("/experiments/([^/]+)/progress$")]
    private static partial Regex ProgressPage();
}
