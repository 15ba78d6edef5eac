using System.Net;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Reports;
using MarketSim.Tests.Comparison;

namespace MarketSim.Tests.Workbench;

/// <summary>
/// The workbench's Compare page over HTTP, on small experiments written into its experiments folder: what it
/// refuses, warns about and says about the runs a paired difference leaves out, as <c>marketsim compare</c> does.
/// </summary>
public sealed class ComparePageTests(Support.Workbench workbench) : IClassFixture<Support.Workbench>
{
    private const int Runs = 200;

    [Fact]
    public async Task Experiments_of_different_horizons_are_refused_with_status_400_and_the_message_of_marketsim_compare()
    {
        var (one, two) = (Experiment("one-year", ExperimentComparisonTests.Small), Experiment("two-years", ExperimentComparisonTests.Small.Replace("horizon_years: 1", "horizon_years: 2", StringComparison.Ordinal)));

        var response = await workbench.Client.GetAsync($"/compare?base={one}&e={two}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"scenario.yaml of experiment {two}: horizon_years: 2 years (104 weeks), but the base scenario.yaml of experiment {one} runs 1 year (52 weeks): totals over different periods cannot be compared", page, StringComparison.Ordinal);
        Assert.DoesNotContain(workbench.Experiments, page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"comparison\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_experiment_starting_on_another_date_is_compared_with_a_warning()
    {
        var (one, later) = (Experiment("one-year", ExperimentComparisonTests.Small), Experiment("later-start", ExperimentComparisonTests.Small.Replace("2020-04-01", "2020-10-01", StringComparison.Ordinal)));

        var page = WebUtility.HtmlDecode(await workbench.Client.GetStringAsync($"/compare?base={one}&e={later}"));

        Assert.Contains($"<p class=\"warning\">scenario.yaml of experiment {later} starts on 2020-10-01, the base scenario.yaml of experiment {one} on 2020-04-01: the seasons fall in other weeks", page, StringComparison.Ordinal);
        Assert.Contains("id=\"comparison\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_difference_that_leaves_runs_out_gives_both_means_over_the_pairs_and_counts_the_runs_left_out()
    {
        var (more, fewer) = (Experiment("fails-more", ExperimentComparisonTests.FailingMoreText), Experiment("fails-less", ExperimentComparisonTests.FailingText));

        var page = WebUtility.HtmlDecode(await workbench.Client.GetStringAsync($"/compare?base={more}&e={fewer}"));

        var row = page[page.IndexOf("<td>Week of the first failure</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Matches(@"\(paired\)<div class=""muted"">over the \d+ runs paired: base \d+(\.\d+)?, other \d+(\.\d+)?</div>", row);
        Assert.Matches($@"Week of the first failure: \d+ of {Runs} runs left out of the pairs \(empty, not applicable, in either scenario\)\.", page);
    }

    [Fact]
    public async Task Every_figure_in_pounds_on_the_compare_page_shares_one_scale()
    {
        var (one, more) = (Experiment("one-year", ExperimentComparisonTests.Small), Experiment("more-capacity", ExperimentComparisonTests.Small.Replace("capacity_weekly_hours: 180", "capacity_weekly_hours: 190", StringComparison.Ordinal)));

        var page = WebUtility.HtmlDecode(await workbench.Client.GetStringAsync($"/compare?base={one}&e={more}&all=1"));

        var table = page[page.IndexOf("id=\"comparison\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var pounds = System.Text.RegularExpressions.Regex.Matches(table, "<td>([^<]*£[^<]*)").Select(m => m.Groups[1].Value.Replace(" (paired)", "", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pounds);
        Support.OneFooting.Assert("the compare page's £ figures", pounds);
    }

    [Fact]
    public async Task Difference_and_half_width_share_one_scale_on_the_compare_page()
    {
        var (one, more) = (Experiment("one-year", ExperimentComparisonTests.Small), Experiment("more-capacity", ExperimentComparisonTests.Small.Replace("capacity_weekly_hours: 180", "capacity_weekly_hours: 190", StringComparison.Ordinal)));
        var other = Experiment("other-seed", ExperimentComparisonTests.Small.Replace("capacity_weekly_hours: 180", "capacity_weekly_hours: 190", StringComparison.Ordinal), seed: 8);

        var page = WebUtility.HtmlDecode(await workbench.Client.GetStringAsync($"/compare?base={one}&e={more}&e={other}&all=1"));

        var table = page[page.IndexOf("id=\"comparison\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var paired = System.Text.RegularExpressions.Regex.Matches(table, @"<td>([^<]*) \(paired\)").Select(m => m.Groups[1].Value).ToList();
        var unpaired = System.Text.RegularExpressions.Regex.Matches(table, @"<td>([^<]*) \(unpaired\)").Select(m => m.Groups[1].Value).ToList();
        Support.OneScale.Assert("paired differences", paired);
        Support.OneScale.Assert("unpaired differences", unpaired);
    }

    [Fact]
    public async Task Experiments_of_different_run_counts_give_both_means_over_the_common_runs_and_say_how_many_were_left_out()
    {
        const int fewer = 150;
        var (all, some) = (Experiment("one-year", ExperimentComparisonTests.Small), Experiment("more-capacity-fewer-runs", ExperimentComparisonTests.Small.Replace("capacity_weekly_hours: 180", "capacity_weekly_hours: 190", StringComparison.Ordinal), fewer));

        var page = WebUtility.HtmlDecode(await workbench.Client.GetStringAsync($"/compare?base={all}&e={some}"));

        var (baseRuns, otherRuns) = (CompareCsv.Column(Path.Combine(workbench.Experiments, all, "runs.csv"), "spend_gbp__council"), CompareCsv.Column(Path.Combine(workbench.Experiments, some, "runs.csv"), "spend_gbp__council"));
        var row = page[page.IndexOf("<tr><td>Spend: North Council</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains($"<td>{Quantity.Format(baseRuns.Average(), "GBP")} ± ", row, StringComparison.Ordinal);
        Assert.Contains($"(paired)<div class=\"muted\">over the {fewer} runs paired: base {Quantity.Format(baseRuns.Take(fewer).Average(), "GBP")}, other {Quantity.Format(otherRuns.Average(), "GBP")}</div>", row, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"warning\">experiment {some} holds {fewer} runs, the base experiment {all} {Runs}: differences are paired over the first {fewer} runs, and the base's other {Runs - fewer} runs are left out of them", page, StringComparison.Ordinal);
        Assert.Contains($"<th>Base: Small market, seed 7, {Runs} runs</th>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commissioner_the_other_experiment_names_differently_is_labelled_with_both_names()
    {
        var (one, renamed) = (Experiment("one-year", ExperimentComparisonTests.Small), Experiment("renamed", ExperimentComparisonTests.RenamedText));

        var page = WebUtility.HtmlDecode(await workbench.Client.GetStringAsync($"/compare?base={one}&e={renamed}"));

        Assert.Contains("<tr><td>Spend: North Council (base) vs North County Council (other)</td>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&e={0}", "An experiment cannot be compared with itself")]
    [InlineData("", "Nothing to compare the base with")]
    public async Task A_base_with_no_other_experiment_is_refused_beside_the_compare_with_boxes_each_marked_invalid_and_described_by_it(string others, string message)
    {
        var one = Experiment("one-year", ExperimentComparisonTests.Small);
        Experiment("later-start", ExperimentComparisonTests.Small.Replace("2020-04-01", "2020-10-01", StringComparison.Ordinal));

        var response = await workbench.Client.GetAsync($"/compare?base={one}" + string.Format(System.Globalization.CultureInfo.InvariantCulture, others, one));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<div class=\"error\" id=\"e-problem\">{message}; allowed: one experiment or more besides the base</div>", page, StringComparison.Ordinal);
        Assert.Contains("<fieldset><legend>Compare with</legend>", page, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"checkbox\" name=\"e\" id=\"e-{one}\" value=\"{one}\" aria-invalid=\"true\" aria-describedby=\"e-problem\">", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" name=\"e\" id=\"e-later-start\" value=\"later-start\" aria-invalid=\"true\" aria-describedby=\"e-problem\">", page, StringComparison.Ordinal);
        Assert.Equal(page.Split("name=\"e\"").Length - 1, page.Split("aria-describedby=\"e-problem\"").Length - 1);
        Assert.Contains("<input type=\"checkbox\" name=\"all\" value=\"1\" id=\"all\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comparison_without_a_problem_marks_no_box_invalid()
    {
        var (one, later) = (Experiment("one-year", ExperimentComparisonTests.Small), Experiment("later-start", ExperimentComparisonTests.Small.Replace("2020-04-01", "2020-10-01", StringComparison.Ordinal)));

        var page = await workbench.Client.GetStringAsync($"/compare?base={one}&e={later}");

        Assert.DoesNotContain("aria-invalid", page, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"checkbox\" name=\"e\" id=\"e-{later}\" value=\"{later}\" checked>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cut-short", @"runs\.csv of experiment {0}(, line \d+: \d+ fields where the header has \d+| holds \d+ runs, but manifest\.json of experiment {0} states 200)")]
    [InlineData("extra-field", @"runs\.csv of experiment {0}, line 4: \d+ fields where the header has \d+")]
    [InlineData("text-for-a-number", @"runs\.csv of experiment {0}, line 6: 'lots' in column \w+ is not a number")]
    public async Task A_corrupt_runs_csv_is_refused_with_a_message_naming_the_experiment_and_the_file(string corruption, string message)
    {
        var one = Experiment("one-year", ExperimentComparisonTests.Small);
        var damaged = Copy(one, corruption);
        var runs = Path.Combine(workbench.Experiments, damaged, "runs.csv");
        var lines = File.ReadAllLines(runs);
        switch (corruption)
        {
            case "cut-short":
                var text = File.ReadAllText(runs);
                File.WriteAllText(runs, text[..(text.Length / 2)]);
                break;
            case "extra-field":
                lines[3] += ",7";
                File.WriteAllLines(runs, lines);
                break;
            default:
                var fields = lines[5].Split(',');
                fields[1] = "lots";
                lines[5] = string.Join(',', fields);
                File.WriteAllLines(runs, lines);
                break;
        }

        var response = await workbench.Client.GetAsync($"/compare?base={one}&e={damaged}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches("<div id=\"compare-problem\"><p class=\"error\">" + string.Format(System.Globalization.CultureInfo.InvariantCulture, message, damaged) + "</p><p>Nothing was compared", page);
        Assert.Contains("<form method=\"get\" action=\"/compare\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(workbench.Experiments, page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"comparison\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_results_folder_missing_its_runs_csv_is_refused_naming_the_experiment_and_the_file_not_the_servers_path()
    {
        var one = Experiment("one-year", ExperimentComparisonTests.Small);
        var damaged = Copy(one, "no-runs-csv");
        File.Delete(Path.Combine(workbench.Experiments, damaged, "runs.csv"));

        var response = await workbench.Client.GetAsync($"/compare?base={damaged}&e={one}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"<p class=\"error\">experiment {damaged} is not a complete MarketSim results folder: it has no runs.csv</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(workbench.Experiments, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e30", "manifest.json of experiment {0}: runs is 1e30; allowed: a whole number of runs, 0 or more, as many as runs.csv holds")]
    [InlineData("-5", "manifest.json of experiment {0}: runs is -5; allowed: a whole number of runs, 0 or more, as many as runs.csv holds")]
    [InlineData("200.5", "manifest.json of experiment {0}: runs is 200.5; allowed: a whole number of runs, 0 or more, as many as runs.csv holds")]
    [InlineData("\"many\"", "manifest.json of experiment {0}: runs is \"many\"; allowed: a whole number of runs, 0 or more, as many as runs.csv holds")]
    [InlineData("1000000000000", "runs.csv of experiment {0} holds 200 runs, but manifest.json of experiment {0} states 1,000,000,000,000")]
    [InlineData("201", "runs.csv of experiment {0} holds 200 runs, but manifest.json of experiment {0} states 201")]
    public async Task Compare_refuses_a_manifest_with_an_absurd_run_count_naming_the_file(string runs, string message)
    {
        var one = Experiment("one-year", ExperimentComparisonTests.Small);
        var damaged = Copy(one, "runs-" + string.Concat(runs.Where(char.IsLetterOrDigit)));
        var manifest = Path.Combine(workbench.Experiments, damaged, Manifest.FileName);
        File.WriteAllText(manifest, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(manifest), "\"runs\": \\d+", $"\"runs\": {runs}"));

        var response = await workbench.Client.GetAsync($"/compare?base={one}&e={damaged}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"<div id=\"compare-problem\"><p class=\"error\">{string.Format(System.Globalization.CultureInfo.InvariantCulture, message, damaged)}</p><p>Nothing was compared", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/compare\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(workbench.Experiments, page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"comparison\"", page, StringComparison.Ordinal);
    }

    /// <summary>A copy of experiment <paramref name="id"/>'s results folder as experiment <paramref name="copy"/>, made afresh, to be damaged by a test.</summary>
    private string Copy(string id, string copy)
    {
        var (from, to) = (Path.Combine(workbench.Experiments, id), Path.Combine(workbench.Experiments, copy));
        if (Directory.Exists(to))
        {
            Directory.Delete(to, recursive: true);
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>Runs <paramref name="yaml"/> (seed 7, <paramref name="runs"/> runs) into the workbench's experiments folder as <paramref name="id"/>, once for the class, and returns the id.</summary>
    private string Experiment(string id, string yaml, int runs = Runs, ulong seed = 7)
    {
        var folder = Path.Combine(workbench.Experiments, id);
        lock (workbench)
        {
            if (!Directory.Exists(folder))
            {
                var scenario = Path.Combine(workbench.Folder, id + ".yaml");
                File.WriteAllText(scenario, yaml);
                MarketSim.Simulator.Experiments.Experiment.Run(new ExperimentOptions(scenario, runs, seed, folder, Threads: 2));
            }
        }
        return id;
    }
}
