using System.Net;
using MarketSim.Simulator.Workbench.Library;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Workbench;

/// <summary>What the workbench serves besides its forms: results the command line wrote, and the Orleans Dashboard.</summary>
public sealed class WorkbenchPagesTests(Support.Workbench workbench) : IClassFixture<Support.Workbench>
{
    [Fact]
    public async Task A_results_folder_written_by_marketsim_run_into_the_experiments_folder_is_listed_and_shown()
    {
        var run = CliRun.Of("run", Repo.Scenario("dorset-pool-2017.yaml"), "--runs", "60", "--seed", "2", "--out", Path.Combine(workbench.Experiments, "from-the-command-line"), "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);

        var list = await workbench.Client.GetStringAsync("/experiments");
        var finance = await workbench.Client.GetStringAsync("/experiments/from-the-command-line?section=2");

        Assert.Contains("href=\"/experiments/from-the-command-line\"", list, StringComparison.Ordinal);
        Assert.Contains("Dorset pooled budget 2017-19", list, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"finance\">Finance</h2>", finance, StringComparison.Ordinal);
        Assert.Contains("/experiments/from-the-command-line/files/results.xlsx", finance, StringComparison.Ordinal);
        Assert.Contains("/experiments/from-the-command-line/download.zip", finance, StringComparison.Ordinal);
        using var runs = await workbench.Client.GetAsync("/experiments/from-the-command-line/files/runs.csv");
        Assert.Equal("from-the-command-line-runs.csv", runs.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task A_results_folder_the_list_cannot_show_is_named_with_why_not_hidden()
    {
        foreach (var name in new[] { "Base case", "unreadable-summary" })
        {
            var run = CliRun.Of("run", Repo.Scenario("dorset-pool-2017.yaml"), "--runs", "20", "--seed", "5", "--out", Path.Combine(workbench.Experiments, name), "--quiet");
            Assert.True(run.ExitCode == 0, run.Error);
        }
        File.WriteAllText(Path.Combine(workbench.Experiments, "unreadable-summary", "summary.json"), "{ not json");

        var list = await workbench.Client.GetStringAsync("/experiments");

        Assert.Contains("<code>Base case</code>, whose name uses characters other than letters, digits", list, StringComparison.Ordinal);
        Assert.Contains("<code>unreadable-summary</code>, whose <code>manifest.json</code> or <code>summary.json</code> cannot be read", list, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/experiments/unreadable-summary\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_page_shows_its_assumptions_table_open_while_report_html_folds_it()
    {
        var page = await workbench.Client.GetStringAsync("/scenarios/bundled/dorset-pool-2017.yaml");

        Assert.Contains("<h2 id=\"assumptions\">Assumptions</h2>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<summary>Every input of the scenario", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_that_is_not_a_number_shows_the_first_section_not_an_empty_error()
    {
        var run = CliRun.Of("run", Repo.Scenario("dorset-pool-2017.yaml"), "--runs", "20", "--seed", "3", "--out", Path.Combine(workbench.Experiments, "odd-section"), "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);

        var response = await workbench.Client.GetAsync("/experiments/odd-section?section=abc");
        var first = await workbench.Client.GetStringAsync("/experiments/odd-section?section=0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_whole_results_folder_downloads_as_a_zip_of_the_files_its_manifest_lists()
    {
        var run = CliRun.Of("run", Repo.Scenario("dorset-pool-2017.yaml"), "--runs", "20", "--seed", "4", "--out", Path.Combine(workbench.Experiments, "zipped"), "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        File.WriteAllText(Path.Combine(workbench.Experiments, "zipped", "my-notes.txt"), "not MarketSim's");

        using var zip = new System.IO.Compression.ZipArchive(await workbench.Client.GetStreamAsync("/experiments/zipped/download.zip"));
        var names = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("zipped/runs.csv", names);
        Assert.Contains("zipped/results.xlsx", names);
        Assert.Contains("zipped/manifest.json", names);
        Assert.DoesNotContain("zipped/my-notes.txt", names);
        // The zip is built in a temporary file that is deleted once sent.
        var scratch = Path.Combine(workbench.Experiments, ExperimentsFolder.ScratchName);
        for (var waited = 0; waited < 50 && Directory.EnumerateFiles(scratch).Any(); waited++)
        {
            await Task.Delay(100);
        }
        Assert.Empty(Directory.EnumerateFiles(scratch));
    }

    [Fact]
    public async Task A_page_that_fails_says_so_in_a_page_of_its_own_without_the_servers_path()
    {
        // The experiments folder moved away under the running workbench: listing it fails.
        var moved = workbench.Experiments + "-moved";
        Directory.Move(workbench.Experiments, moved);
        try
        {
            var response = await workbench.Client.GetAsync("/experiments");
            var page = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Contains("<h1>Something went wrong</h1>", page, StringComparison.Ordinal);
            Assert.Contains("The page /experiments could not read or write a file or folder the workbench keeps (a folder is missing or is not a folder); the server&#39;s log has the full message.", page, StringComparison.Ordinal);
            Assert.DoesNotContain(workbench.Folder, page, StringComparison.Ordinal);
            Assert.Contains("MarketSim workbench", page, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Move(moved, workbench.Experiments);
        }
    }

    [Fact]
    public async Task Money_on_the_levers_page_is_shown_with_thousands_separators()
    {
        var page = await workbench.Client.GetStringAsync("/levers/bundled/dorset-pool-2017.yaml");

        Assert.Contains("name=\"commissioners.dcc.annual_budgets_gbp.0\" inputmode=\"decimal\" value=\"53,000,000\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"pooled_budgets.dorset.partners.dcc.contribution_gbp_per_year\" inputmode=\"decimal\" value=\"53,000,000\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Money_with_pence_on_the_levers_page_is_shown_with_thousands_separators_and_its_pence_and_saved_as_typed_so()
    {
        var yaml = File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml")).Replace("value: [18000000]", "value: [12345.67]", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(workbench.Experiments, ExperimentsFolder.ScenariosName, "pence.yaml"), yaml);
        const string Form = "/levers/mine/pence.yaml";
        const string Key = "commissioners.dorset_ccg.annual_budgets_gbp.0";

        var page = await workbench.Client.GetStringAsync(Form);
        using var saved = await workbench.Post(Form, Form, ("variant-name", "Pence"), (Key, "12,345.68"));

        Assert.Contains($"name=\"{Key}\" inputmode=\"decimal\" value=\"12,345.67\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var variant = Path.Combine(workbench.Experiments, ExperimentsFolder.ScenariosName, Path.GetFileName(saved.Headers.Location!.OriginalString.Split('?')[0]));
        Assert.Equal(12345.68, MarketSim.Simulator.Scenarios.ScenarioLoader.Load(variant).Commissioners.Single(c => c.Id == "dorset_ccg").AnnualBudgetsGbp[0]);
    }

    [Fact]
    public async Task Run_counts_in_the_provenance_have_thousands_separators_and_the_command_to_reproduce_it_does_not()
    {
        var scenario = Path.Combine(workbench.Folder, "small.yaml");
        File.WriteAllText(scenario, ExperimentComparisonTests.Small);
        MarketSim.Simulator.Experiments.Experiment.Run(new MarketSim.Simulator.Experiments.ExperimentOptions(scenario, 1200, 7, Path.Combine(workbench.Experiments, "twelve-hundred"), Threads: 2));

        var provenance = await workbench.Client.GetStringAsync($"/experiments/twelve-hundred?section={MarketSim.Simulator.Reports.HtmlReport.Sections.Count - 1}");

        Assert.Contains("<h2 id=\"provenance\">Provenance</h2>", provenance, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Runs</td><td>1,200</td></tr>", provenance, StringComparison.Ordinal);
        Assert.Contains("--runs 1200 --seed 7", provenance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_fields_with_errors_are_marked_aria_invalid_and_number_fields_ask_for_a_number_keypad()
    {
        using var response = await workbench.Post("/run", "/run", ("scenario", "bundled/not-there.yaml"), ("runs", "lots"), ("seed", "7"), ("metric", ""), ("halfwidth", ""));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<select id=\"scenario\" name=\"scenario\" aria-invalid=\"true\" aria-describedby=\"scenario-problem\">", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"text\" id=\"runs\" name=\"runs\" inputmode=\"numeric\" value=\"lots\" class=\"invalid\" aria-invalid=\"true\" aria-describedby=\"runs-problem\">", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"text\" id=\"seed\" name=\"seed\" inputmode=\"numeric\" value=\"7\">", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"text\" id=\"halfwidth\" name=\"halfwidth\" inputmode=\"decimal\" value=\"\">", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"text\" id=\"metric\" name=\"metric\" list=\"outcomes\" value=\"\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_precision_target_offers_the_headline_outcomes_by_name_with_their_labels_and_units()
    {
        var page = await workbench.Client.GetStringAsync("/run?scenario=bundled%2Fdoncaster-ccash.yaml");

        Assert.Contains("<input type=\"text\" id=\"metric\" name=\"metric\" list=\"outcomes\" value=\"\">", page, StringComparison.Ordinal);
        Assert.Contains("<datalist id=\"outcomes\">", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"unmet_hours_total\" label=\"Unmet need (care hours not delivered), hours\"></option>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"whole_system_cost_gbp\" label=\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"spend_gbp__", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lever_fields_with_errors_are_marked_aria_invalid_and_numbers_that_cannot_be_negative_ask_for_a_decimal_keypad()
    {
        const string Form = "/levers/bundled/doncaster-ccash.yaml";
        var page = await workbench.Client.GetStringAsync(Form);
        using var unnamed = await workbench.Post(Form, Form, ("variant-name", " "), ("providers.slp_a.rate_gbp_per_hour", "15.50"));
        var refused = await unnamed.Content.ReadAsStringAsync();

        Assert.Contains("name=\"providers.slp_a.rate_gbp_per_hour\" inputmode=\"decimal\" value=\"14.36\">", page, StringComparison.Ordinal);
        // A decimal keypad has no minus sign: growth may fall, and an uplift policy is a word.
        Assert.Matches("name=\"zones\\.[a-z0-9_]+\\.demand\\.annual_growth\" value=\"", page);
        Assert.Contains("name=\"rate_setting.policy\" value=\"nlw_linked\">", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("name=\"variant-name\" value=\"\" class=\"invalid\" aria-invalid=\"true\" aria-describedby=\"variant-name-problem\"><div class=\"error\" id=\"variant-name-problem\">Name the variant;", refused, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nonsense", "There is no page at /nonsense.")]
    [InlineData("/nonsense.html", "There is no page at /nonsense.html.")]
    [InlineData("/experiments/does-not-exist", "There is no experiment does-not-exist.")]
    [InlineData("/experiments/does-not-exist/files/nofile", "There is no file nofile in experiment does-not-exist.")]
    [InlineData("/experiments/does-not-exist/events", "There is no running experiment does-not-exist.")]
    public async Task Unknown_address_gets_a_page_saying_so(string path, string message)
    {
        var response = await workbench.Client.GetAsync(path);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Not found — MarketSim workbench</title>", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>Not found</h1><p>{message}</p>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Back to the start</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_that_takes_only_a_form_answers_a_get_with_a_page_saying_so()
    {
        var response = await workbench.Client.GetAsync("/scenarios/upload");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("<h1>Not a page</h1><p>/scenarios/upload is where a form on a workbench page is sent; it has no page of its own.</p>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Back to the start</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served_at_dashboard()
    {
        var response = await workbench.Client.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Orleans", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
