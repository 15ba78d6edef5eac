using System.Net;
using MarketSim.Simulator.Workbench.Jobs;
using MarketSim.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.Equal("", seen[^1].GetProperty("leftText").GetString());
        var page = await workbench.Client.GetStringAsync($"/experiments/{id}/progress");
        Assert.Contains("<span id=\"left-part\" hidden>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Stop and keep", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Cancel</button>", page, StringComparison.Ordinal);
        Assert.True(done[^1] < 500_000);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(workbench.Experiments), e => Path.GetFileName(e).Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_run_form_sent_twice_starts_one_experiment_not_two()
    {
        // A double click on Start, or a reload that sends the form again, started a second experiment, the same as the first.
        var (token, page) = await Support.Workbench.Form(workbench.Client, "/run");
        const string Marker = "name=\"submission\" value=\"";
        var at = page.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        KeyValuePair<string, string>[] fields =
        [
            new("__RequestVerificationToken", token), new("scenario", "bundled/doncaster-ccash.yaml"), new("runs", "500000"), new("seed", "6"),
            new("metric", ""), new("halfwidth", ""), new("submission", page[at..page.IndexOf('"', at)]),
        ];
        var jobs = workbench.Server.Services.GetRequiredService<ExperimentJobs>();
        var before = jobs.Running.Select(j => j.Id).ToHashSet();

        using var first = await workbench.Client.PostAsync("/run", new FormUrlEncodedContent(fields));
        using var second = await workbench.Client.PostAsync("/run", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var job = jobs.Find(first.Headers.Location!.OriginalString.Split('/')[2])!;
        Assert.Equal([job.Id], jobs.Running.Select(j => j.Id).Where(id => !before.Contains(id)));
        job.Cancel();
        await job.Ended;
    }

    [Fact]
    public async Task Cancel_asks_for_confirmation_on_a_page_of_its_own_before_it_cancels()
    {
        var id = await workbench.StartRun("bundled/doncaster-ccash.yaml", 500_000, 4);
        var job = workbench.Server.Services.GetRequiredService<ExperimentJobs>().Find(id)!;

        var progress = await workbench.Client.GetStringAsync($"/experiments/{id}/progress");
        using var asked = await workbench.Client.GetAsync($"/experiments/{id}/cancel");
        var confirm = await asked.Content.ReadAsStringAsync();

        Assert.Contains($"<form method=\"get\" action=\"/experiments/{id}/cancel\" id=\"cancel\"", progress, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains($"<form method=\"post\" action=\"/experiments/{id}/cancel\"", confirm, StringComparison.Ordinal);
        Assert.Contains(">Yes, cancel and write nothing</button>", confirm, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/experiments/{id}/progress\" class=\"button secondary\">No, keep it running</a>", confirm, StringComparison.Ordinal);
        Assert.Equal(JobState.Running, job.State);

        using var cancel = await workbench.Post($"/experiments/{id}/cancel", $"/experiments/{id}/cancel");
        var last = (await ProgressEvents.Read(workbench.Client, id, TimeSpan.FromSeconds(300)))[^1];

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal("cancelled", last.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_progress_page_of_a_finished_run_shows_it_done_without_its_script()
    {
        var id = await workbench.StartRun("bundled/dorset-pool-2017.yaml", 40, 6);
        var last = (await ProgressEvents.Read(workbench.Client, id, TimeSpan.FromSeconds(300)))[^1];
        Assert.Equal("done", last.GetProperty("state").GetString());

        var page = await workbench.Client.GetStringAsync($"/experiments/{id}/progress");

        Assert.Contains("<progress id=\"bar\" aria-label=\"Runs done\" max=\"100\" value=\"100\">", page, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"percent\">100%</strong> · <span id=\"done\">40 of 40 runs</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span id=\"left\">finished</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/experiments/{id}\" class=\"button\" id=\"results-link\">See the results</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Stop and keep", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Cancel</button>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_running_estimate_says_the_period_each_run_covers()
    {
        var id = await workbench.StartRun("bundled/dorset-pool-2017.yaml", 30, 8);
        var last = (await ProgressEvents.Read(workbench.Client, id, TimeSpan.FromSeconds(300)))[^1];
        Assert.Equal("done", last.GetProperty("state").GetString());

        var estimate = last.GetProperty("estimateText").GetString()!;

        Assert.StartsWith("Unmet need (care hours not delivered), hours: ", estimate, StringComparison.Ordinal);
        Assert.EndsWith(" (95% interval of the mean, 30 runs of the 2-year horizon each)", estimate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_estimate_in_pounds_writes_its_figures_with_the_pound_sign_on_one_scale()
    {
        var id = await workbench.StartRun("bundled/dorset-pool-2017.yaml", 30, 8, "whole_system_cost_gbp", "1,000,000,000,000");
        var last = (await ProgressEvents.Read(workbench.Client, id, TimeSpan.FromSeconds(300)))[^1];
        Assert.Equal("done", last.GetProperty("state").GetString());

        var estimate = last.GetProperty("estimateText").GetString()!;

        Assert.Matches(@"^Whole-system cost \(spend plus cost of unmet need\): £[0-9.]+m ± £[0-9.]+m \(95% interval of the mean, ", estimate);
    }

    [Fact]
    public async Task A_finished_run_whose_results_folder_was_removed_says_so_instead_of_linking_in_a_circle()
    {
        var id = await workbench.StartRun("bundled/dorset-pool-2017.yaml", 20, 7);
        Assert.Equal("done", (await ProgressEvents.Read(workbench.Client, id, TimeSpan.FromSeconds(300)))[^1].GetProperty("state").GetString());
        Directory.Delete(Path.Combine(workbench.Experiments, id), recursive: true);

        foreach (var path in new[] { $"/experiments/{id}", $"/experiments/{id}/progress" })
        {
            var response = await workbench.Client.GetAsync(path);
            var page = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("its results folder is no longer there", page, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/experiments\">See the experiments there are</a>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("See the results", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_removed_staging_folder_is_described_for_people_and_other_errors_keep_their_message()
    {
        var folder = Path.Combine(workbench.Experiments, "20261130-000000-gone");
        var staging = $".20261130-000000-gone.partial-{Environment.ProcessId}";
        var gone = new DirectoryNotFoundException($"Could not find a part of the path '{Path.Combine(workbench.Experiments, staging, "providers.csv")}'.");

        Assert.Equal($"the results folder being written ({staging}) was removed while the runs went on; nothing was kept.", MarketSim.Simulator.Workbench.Jobs.JobFailure.Describe(gone, folder));
        Assert.Equal("no run may be asked for", MarketSim.Simulator.Workbench.Jobs.JobFailure.Describe(new InvalidOperationException("no run may be asked for"), folder));
    }

    [Fact]
    public void A_file_the_system_refuses_a_run_is_described_by_its_experiment_and_why_not_by_the_servers_path()
    {
        var folder = Path.Combine(workbench.Experiments, "20261130-000000-full");
        // .NET on Linux gives the system's error number as the HResult of an IOException it has no type of its own for (28: no space left).
        var full = new IOException($"No space left on device : '{Path.Combine(folder, "runs.csv")}'", 28);
        var denied = new UnauthorizedAccessException($"Access to the path '{folder}' is denied.");

        Assert.Equal("experiment 20261130-000000-full could not read or write a file or folder (no space left on device); the server's log has the full message.", MarketSim.Simulator.Workbench.Jobs.JobFailure.Describe(full, folder));
        Assert.Equal("experiment 20261130-000000-full could not read or write a file or folder (permission denied); the server's log has the full message.", MarketSim.Simulator.Workbench.Jobs.JobFailure.Describe(denied, folder));
    }

    [Fact]
    public void A_failed_run_is_labelled_failed_with_no_time_left()
    {
        var scenario = new MarketSim.Simulator.Workbench.Library.ScenarioFile("bundled", "dorset-pool-2017.yaml", Repo.Scenario("dorset-pool-2017.yaml"), "Dorset", "", null, null);
        var job = new MarketSim.Simulator.Workbench.Jobs.ExperimentJob("20261130-000000-failed", scenario, 100, 1);
        job.End(MarketSim.Simulator.Workbench.Jobs.JobState.Failed, "the results folder being written (.x.partial-1) was removed while the runs went on; nothing was kept.");

        var progress = MarketSim.Simulator.Workbench.Jobs.RunProgress.Of(job);

        Assert.Equal("failed", progress.State);
        Assert.Equal("Failed: the results folder being written (.x.partial-1) was removed while the runs went on; nothing was kept.", progress.StatusText);
        Assert.Equal("", progress.LeftText);
    }

    [Fact]
    public async Task A_precision_target_written_with_thousands_separators_stops_the_runs_once_reached_and_the_manifest_says_why()
    {
        var id = await workbench.StartRun("bundled/dorset-pool-2017.yaml", 20_000, 5, "unmet_hours_total", "1,000,000,000,000");

        var last = (await ProgressEvents.Read(workbench.Client, id, TimeSpan.FromSeconds(300)))[^1];

        Assert.Equal("done", last.GetProperty("state").GetString());
        Assert.Equal(100, last.GetProperty("percent").GetInt32());
        Assert.InRange(last.GetProperty("done").GetInt64(), 100, 1000);
        Assert.Contains("target precision reached: the 95% interval of the mean of Unmet need (care hours not delivered), hours, is ± ", last.GetProperty("statusText").GetString(), StringComparison.Ordinal);
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
        var kept = seen[^1].GetProperty("done").GetInt64();
        Assert.Equal($"{kept:N0} of 500,000 runs kept (stopped)", seen[^1].GetProperty("doneText").GetString());
        Assert.Equal((int)(kept * 100 / 500_000), seen[^1].GetProperty("percent").GetInt32());
        Assert.Equal("", seen[^1].GetProperty("leftText").GetString());
        var page = await workbench.Client.GetStringAsync($"/experiments/{id}/progress");
        Assert.Contains($"<span id=\"done\">{kept:N0} of 500,000 runs kept (stopped)</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("finished", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Stop and keep", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Cancel</button>", page, StringComparison.Ordinal);
        var folder = Path.Combine(workbench.Experiments, id);
        var manifest = File.ReadAllText(Path.Combine(folder, "manifest.json"));
        Assert.Contains("\"stop_reason\": \"interrupted\"", manifest, StringComparison.Ordinal);
        var runs = File.ReadAllLines(Path.Combine(folder, "runs.csv")).Skip(1).Select(line => long.Parse(line.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(runs.Count >= 128 && runs.Count < 500_000, $"{runs.Count} runs kept");
        Assert.Equal(Enumerable.Range(0, runs.Count).Select(i => (long)i), runs);
        Assert.Contains($"\"runs\": {runs.Count},", manifest, StringComparison.Ordinal);
    }
}
