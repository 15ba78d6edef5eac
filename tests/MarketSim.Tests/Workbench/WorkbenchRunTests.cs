using System.Net;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Workbench;

/// <summary>Runs started from the workbench: live progress as server-sent events, and cancelling.</summary>
public sealed class WorkbenchRunTests(Support.Workbench workbench) : IClassFixture<Support.Workbench>
{
    [Fact]
    public async Task Progress_events_count_up_in_run_order_and_a_cancelled_run_leaves_no_folder()
    {
        var id = await workbench.StartRun("bundled/doncaster-ccash.yaml", 500_000, 3);

        var cancelled = false;
        var seen = await ProgressEvents.Read(workbench.Client, id, TimeSpan.FromSeconds(300), async progress =>
        {
            if (!cancelled && progress.GetProperty("done").GetInt64() >= 128)
            {
                Assert.Contains("95% interval of the mean", progress.GetProperty("estimateText").GetString(), StringComparison.Ordinal);
                var cancel = await workbench.Post($"/experiments/{id}/progress", $"/experiments/{id}/cancel");
                Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
                cancelled = true;
            }
        });

        var done = seen.Select(p => p.GetProperty("done").GetInt64()).ToList();
        Assert.Equal(done.Order(), done);
        Assert.All(seen.SkipLast(1), p => Assert.Equal("running", p.GetProperty("state").GetString()));
        Assert.Equal("cancelled", seen[^1].GetProperty("state").GetString());
        Assert.Contains("no results were written", seen[^1].GetProperty("statusText").GetString(), StringComparison.Ordinal);
        Assert.True(done[^1] < 500_000);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(workbench.Experiments), e => Path.GetFileName(e).Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_progress_page_of_a_finished_run_shows_it_done_without_its_script()
    {
        var id = await workbench.StartRun("bundled/dorset-pool-2017.yaml", 40, 6);
        var last = (await ProgressEvents.Read(workbench.Client, id, TimeSpan.FromSeconds(300)))[^1];
        Assert.Equal("done", last.GetProperty("state").GetString());

        var page = await workbench.Client.GetStringAsync($"/experiments/{id}/progress");

        Assert.Contains("<progress id=\"bar\" max=\"100\" value=\"100\">", page, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"percent\">100%</strong> · <span id=\"done\">40</span> of 40 runs", page, StringComparison.Ordinal);
        Assert.Contains("<span id=\"left\">finished</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/experiments/{id}\" class=\"button\" id=\"results-link\">See the results</a>", page, StringComparison.Ordinal);
        Assert.Contains("<div id=\"controls\" hidden>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_precision_target_stops_the_runs_once_reached_and_the_manifest_says_why()
    {
        var id = await workbench.StartRun("bundled/dorset-pool-2017.yaml", 20_000, 5, "unmet_hours_total", "1e12");

        var last = (await ProgressEvents.Read(workbench.Client, id, TimeSpan.FromSeconds(300)))[^1];

        Assert.Equal("done", last.GetProperty("state").GetString());
        Assert.Equal(100, last.GetProperty("percent").GetInt32());
        Assert.InRange(last.GetProperty("done").GetInt64(), 100, 1000);
        Assert.Contains("target precision reached: unmet_hours_total", last.GetProperty("statusText").GetString(), StringComparison.Ordinal);
        Assert.Contains("target precision reached", File.ReadAllText(Path.Combine(workbench.Experiments, id, "manifest.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_keeps_the_first_runs_in_run_order_as_a_complete_interrupted_folder()
    {
        var id = await workbench.StartRun("bundled/doncaster-ccash.yaml", 500_000, 9);

        var stopped = false;
        var seen = await ProgressEvents.Read(workbench.Client, id, TimeSpan.FromSeconds(300), async progress =>
        {
            if (!stopped && progress.GetProperty("done").GetInt64() >= 128)
            {
                var stop = await workbench.Post($"/experiments/{id}/progress", $"/experiments/{id}/stop");
                Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
                stopped = true;
            }
        });

        Assert.Equal("done", seen[^1].GetProperty("state").GetString());
        Assert.Contains("interrupted", seen[^1].GetProperty("statusText").GetString(), StringComparison.Ordinal);
        var folder = Path.Combine(workbench.Experiments, id);
        var manifest = File.ReadAllText(Path.Combine(folder, "manifest.json"));
        Assert.Contains("\"stop_reason\": \"interrupted\"", manifest, StringComparison.Ordinal);
        var runs = File.ReadAllLines(Path.Combine(folder, "runs.csv")).Skip(1).Select(line => long.Parse(line.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(runs.Count >= 128 && runs.Count < 500_000, $"{runs.Count} runs kept");
        Assert.Equal(Enumerable.Range(0, runs.Count).Select(i => (long)i), runs);
        Assert.Contains($"\"runs\": {runs.Count},", manifest, StringComparison.Ordinal);
    }
}
