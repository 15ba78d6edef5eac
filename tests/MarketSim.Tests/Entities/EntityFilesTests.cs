using System.Globalization;
using System.Net;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Zones;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Reports.Exports;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Entities;

/// <summary>providers.csv, zones.csv, service_users.csv, commissioners.csv and pooled_budgets.csv; the console summary and the HTML section.</summary>
public class EntityFilesTests
{
    [Fact]
    public void Each_kind_of_entity_gets_a_file_with_a_row_per_entity_and_the_documented_columns()
    {
        var (scenario, sink) = Run("dorset-pool-2017.yaml", runs: 30);
        var dir = Repo.TempDir();
        try
        {
            var written = EntityFiles.WriteInto(dir, sink.Summaries());

            Assert.Equal(["providers.csv", "zones.csv", "service_users.csv", "commissioners.csv", "pooled_budgets.csv"], written);
            var providers = Read(dir, "providers.csv");
            Assert.Equal(scenario.Providers.Select(p => p.Id), providers.Rows.Select(r => r["id"]));
            Assert.Equal(["id", "name", "runs", "exit_week_runs", "exit_week_mean", "exit_week_se", "exit_week_p5", "exit_week_p50", "exit_week_p95"], providers.Header.Take(9));
            foreach (var y in new[] { 1, 2 })
            {
                Assert.Contains($"reserves_gbp_year_{y}_mean", providers.Header);
                Assert.Contains($"margin_gbp_per_hour_year_{y}_p95", providers.Header);
                Assert.Contains($"p_exit_by_year_{y}", providers.Header);
                Assert.Contains($"p_exit_by_year_{y}_se", providers.Header);
                Assert.Contains($"p_hazard_exit_by_year_{y}", providers.Header);
                Assert.Contains($"p_reserves_exhausted_by_year_{y}", providers.Header);
                Assert.Contains($"p_hand_back_by_year_{y}", providers.Header);
                Assert.Contains($"p_forced_exit_by_year_{y}", providers.Header);
            }
            Assert.DoesNotContain("p_exit_by_year_3", providers.Header);
            Assert.All(providers.Rows, r => Assert.Equal("30", r["runs"]));
            Assert.All(providers.Rows, r => Assert.Equal(Sum(r, "p_exit_by_year_2"), Sum(r, "p_hazard_exit_by_year_2", "p_reserves_exhausted_by_year_2", "p_hand_back_by_year_2", "p_forced_exit_by_year_2"), 1e-12));

            var zones = Read(dir, "zones.csv");
            Assert.Equal(scenario.Zones.Select(z => z.Id), zones.Rows.Select(r => r["id"]));
            Assert.Contains("p_loses_lead", zones.Header);
            Assert.Equal("Purbeck, Weymouth and Portland", zones.Rows[2]["name"]);
            var northWest = sink.Of(EntityKind.Zone, "north_west").Summarise().Metric("unmet_hours");
            Assert.Equal(northWest.Mean, double.Parse(zones.Rows[0]["unmet_hours_mean"], CultureInfo.InvariantCulture));

            var users = Read(dir, "service_users.csv");
            Assert.Equal(["id", "name", "zone", "funding_stream", "runs"], users.Header.Take(5));
            Assert.Equal(scenario.Zones.SelectMany(z => new[] { (z.Id, "council"), (z.Id, "nhs_chc") }), users.Rows.Select(r => (r["zone"], r["funding_stream"])));

            var commissioners = Read(dir, "commissioners.csv");
            Assert.Equal(["dcc", "dorset_ccg"], commissioners.Rows.Select(r => r["id"]));
            Assert.Contains("liability_gbp__dorset__full_pool_mean", commissioners.Header);

            var pools = Read(dir, "pooled_budgets.csv");
            Assert.Equal("dorset", Assert.Single(pools.Rows)["id"]);
            Assert.Contains("liability_gbp__aligned__dcc_se", pools.Header);
            Assert.Contains("worst_year_liability_gbp__aligned__dcc_p95", pools.Header);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Providers_csv_has_no_statistics_of_the_exit_cause_code_only_the_most_common_cause_by_name()
    {
        var (_, sink) = Run("doncaster-lead-exit.yaml", runs: 10);
        var dir = Repo.TempDir();
        try
        {
            EntityFiles.WriteInto(dir, sink.Summaries());

            var providers = Read(dir, "providers.csv");
            Assert.DoesNotContain(providers.Header, h => h.StartsWith("exit_cause", StringComparison.Ordinal));
            Assert.Contains("most_common_exit_cause", providers.Header);
            Assert.Contains(providers.Rows, r => r["most_common_exit_cause"] == "forced_exit");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_console_table_of_providers_at_risk_says_its_median_exit_week_is_a_P2_estimate()
    {
        var (_, sink) = Run("doncaster-lead-exit.yaml", runs: 10);
        var output = new StringWriter();

        EntityRiskTable.Write(output, sink.Summaries(), colour: false, width: 200);

        var words = string.Join(' ', output.ToString().Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("the median exit week is a P² estimate", words, StringComparison.Ordinal);
        Assert.Contains("Median exit week", words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_providers_chance_of_leaving_reads_the_same_in_the_console_table_and_in_report_html()
    {
        var (scenario, sink) = Run("dorset-pool-2017.yaml", runs: 150);
        var summaries = sink.Summaries();
        var output = new StringWriter();

        EntityRiskTable.Write(output, summaries, colour: false, width: 200);

        var report = WebUtility.HtmlDecode(MarketHtml.Section(scenario, summaries));
        var rows = output.ToString().Split('\n').Select(l => l.Split('│', StringSplitOptions.TrimEntries)).Where(c => c.Length > 5).ToList();
        var atRisk = summaries.Where(s => s.Exits is { ByYear.Length: > 0 } e && e.WithinHorizon.P is > 0.1 and < 0.9).ToList();
        Assert.NotEmpty(atRisk);
        foreach (var provider in atRisk.Where(s => rows.Any(c => c[1] == s.Block.Name)))
        {
            var row = rows.Single(c => c[1] == provider.Block.Name);
            Assert.Equal(Quantity.Share(provider.Exits!.WithinHorizon.P), row[2]);
            Assert.Contains($"<td>{provider.Block.Name}</td><td>{row[2]} ± ", report, StringComparison.Ordinal);
            Assert.Contains($" ± {Quantity.Share(provider.Exits.WithinHorizon.StdError)}</td><td>{row[3]}</td>", report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_files_go_into_a_results_folder_and_only_kinds_present_get_one()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5, weeklyReferrals: 1), 10);
        var schema = new OutcomeSchema(scenario);
        var sink = new EntityOutcomeSink(schema);
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(1, 3, 1), sink);
        var root = Repo.TempDir();
        try
        {
            using var folder = ResultsFolder.Begin(Path.Combine(root, "out"), overwrite: false);

            var written = EntityFiles.Write(folder, sink.Distributions);

            Assert.Equal(["providers.csv", "zones.csv", "service_users.csv", "commissioners.csv"], written);
            Assert.All(written, f => Assert.True(File.Exists(folder.File(f))));
            var bytes = File.ReadAllBytes(folder.File("zones.csv"));
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB, "no byte-order mark");
            Assert.DoesNotContain((byte)'\r', bytes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_console_summary_names_the_provider_forced_out_and_the_zones_that_lose_their_lead()
    {
        var (_, sink) = Run("doncaster-lead-exit.yaml", runs: 20);
        var summaries = sink.Summaries();

        var lines = EntityRiskTable.Lines(summaries);

        Assert.StartsWith("provider slp_c (", lines[0], StringComparison.Ordinal);
        Assert.Contains("P(exit within the horizon) 100% (95% ", lines[0], StringComparison.Ordinal);
        Assert.Contains("most often by forced exit", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Count(l => l.StartsWith("provider ", StringComparison.Ordinal)) <= EntityRiskTable.TopProviders);
        Assert.Contains(lines, l => l.StartsWith("zone zone_4 (", StringComparison.Ordinal) && l.Contains("P(loses its lead provider) 100% (95% ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("zone zone_5 (", StringComparison.Ordinal));
        Assert.NotNull(EntityRiskTable.ProvidersAtRisk(summaries));
        Assert.NotNull(EntityRiskTable.ZonesLosingLead(summaries));
        var output = new StringWriter();
        EntityRiskTable.Write(output, summaries, colour: false, width: 80);
        Assert.Contains("Providers most at risk", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_table_of_zones_that_lose_their_lead_says_for_how_many_weeks_when_they_do()
    {
        var (_, sink) = Run("doncaster-lead-exit.yaml", runs: 20);
        var summaries = sink.Summaries();
        var output = new StringWriter();

        EntityRiskTable.Write(output, summaries, colour: false, width: 250);

        var zone4 = summaries.Single(s => s.Block.Id == "zone_4");
        var (mean, error) = WhenItHappens.Of(zone4.Metric("weeks_without_lead"), zone4.LosesLead!.Count);
        var row = output.ToString().Split('\n').Single(l => l.Contains($"│ {zone4.Block.Name} ", StringComparison.Ordinal));
        Assert.Contains($" {Numbers.Readable(mean)} ± {Numbers.Readable(error)} │", row, StringComparison.Ordinal);
        var words = Words(output.ToString());
        Assert.Contains("Weeks without lead when lost (mean ± SE)", words, StringComparison.Ordinal);
        Assert.Contains("Weeks without lead, all futures (mean ± SE)", words, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_gives_unmet_need_by_zone_in_hours_share_of_need_and_pounds_over_the_horizon()
    {
        var (scenario, sink) = Run("doncaster-lead-exit.yaml", runs: 20);
        var summaries = sink.Summaries();
        var output = new StringWriter();

        ZoneUnmetTable.Write(output, scenario, summaries, colour: false, width: 250);

        var text = output.ToString();
        Assert.Contains("Unmet need by zone over the 5-year horizon: care hours not delivered, their share of the zone's need and their cost at £92.11 an hour", Words(text), StringComparison.Ordinal);
        foreach (var zone in summaries.Where(s => s.Block.Kind == EntityKind.Zone))
        {
            var unmet = zone.Metric("unmet_hours");
            var share = Quantity.Share(unmet.Mean / (unmet.Mean + zone.Metric("delivered_hours").Mean));
            var row = text.Split('\n').Single(l => l.Contains($"│ {zone.Block.Name} ", StringComparison.Ordinal));
            Assert.Contains($" {share} │", row, StringComparison.Ordinal);
            Assert.Contains("£", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_market_whose_need_is_always_met_prints_no_table_of_unmet_need_by_zone()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5, weeklyReferrals: 1), 10,
            TestMarkets.Provider("lead", ProviderRole.Lead, 100_000, 15));
        var sink = new EntityOutcomeSink(new OutcomeSchema(scenario));
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(1, 3, 1), sink);
        var output = new StringWriter();

        ZoneUnmetTable.Write(output, scenario, sink.Summaries(), colour: false, width: 120);

        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void The_html_section_escapes_names_and_lists_every_provider_zone_and_commissioner()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5, weeklyReferrals: 1), 10,
            TestMarkets.Provider("lead", ProviderRole.Lead, 1000, 15) with { Name = "<Care & Co>" });
        var sink = new EntityOutcomeSink(new OutcomeSchema(scenario));
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(1, 3, 1), sink);

        var market = MarketHtml.Section(scenario, sink.Summaries());
        var finance = FinanceHtml.Section(scenario, Summary(scenario), new RiskShareComparison(scenario, new OutcomeSchema(scenario)), sink.Summaries(), [], []);

        Assert.Contains(WebUtility.HtmlEncode("<Care & Co>"), market, StringComparison.Ordinal);
        Assert.DoesNotContain("<Care", market, StringComparison.Ordinal);
        Assert.Contains("<h3>Providers most at risk</h3>", market, StringComparison.Ordinal);
        Assert.Contains("<h3>Zones: lead providers and unmet need</h3>", market, StringComparison.Ordinal);
        foreach (var zone in scenario.Zones)
        {
            Assert.Contains(WebUtility.HtmlEncode(zone.Name), market, StringComparison.Ordinal);
        }
        Assert.Contains("<h3>Each commissioner's spend over the", finance, StringComparison.Ordinal);
        foreach (var commissioner in scenario.Commissioners)
        {
            Assert.Contains(WebUtility.HtmlEncode(commissioner.Name), finance, StringComparison.Ordinal);
        }
        Assert.Contains("No per-entity outcomes", MarketHtml.Section(scenario, []), StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_section_names_only_the_entity_files_the_folder_holds()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5, weeklyReferrals: 1), 10);
        var sink = new EntityOutcomeSink(new OutcomeSchema(scenario));
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(1, 3, 1), sink);
        var dir = Repo.TempDir();
        try
        {
            var written = EntityFiles.WriteInto(dir, sink.Summaries());

            var market = MarketHtml.Section(scenario, sink.Summaries());

            Assert.DoesNotContain("pooled_budgets.csv", written);
            Assert.Contains("Every figure of every entity is in providers.csv, zones.csv, service_users.csv and commissioners.csv.", market, StringComparison.Ordinal);
            Assert.DoesNotContain("pooled_budgets.csv", market, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_html_zone_table_shows_the_P95_of_a_peak_waiting_list_as_whole_people()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5, weeklyReferrals: 1), 10);
        var zone = new EntitySummary(new EntityBlock(EntityKind.Zone, "z", "Z", 0, 0), 200,
            [.. ZoneMetrics.All.Select(m => new MetricSummary(m, 200, 100.25, 5, 10.5, 90.5, m.Name == "peak_waiting_list" ? 226.5 : 300.5))],
            LosesLead: new(20, 200));

        var market = MarketHtml.Section(scenario, [zone]);

        Assert.Contains("Peak waiting list, people (P95)</th>", market, StringComparison.Ordinal);
        Assert.Contains("<td>227</td>", market, StringComparison.Ordinal);
        Assert.DoesNotContain("226.5", market, StringComparison.Ordinal);
    }

    private static OutcomeSummary Summary(MarketScenario scenario)
    {
        var summary = new OutcomeSummary(new OutcomeSchema(scenario));
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(1, 3, 1), summary);
        return summary;
    }

    // A printed table's words on one line, however its title and headers wrapped.
    private static string Words(string text) => string.Join(' ', text.Split([' ', '\n', '\r', '│'], StringSplitOptions.RemoveEmptyEntries));

    private static (MarketScenario Scenario, EntityOutcomeSink Sink) Run(string file, int runs)
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(file));
        var sink = new EntityOutcomeSink(new OutcomeSchema(scenario));
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(2026, runs, 2, 8), sink);
        return (scenario, sink);
    }

    private static (string[] Header, List<Dictionary<string, string>> Rows) Read(string dir, string file)
    {
        var lines = CsvRows.Read(Path.Combine(dir, file)).ToList();
        var header = lines[0];
        Assert.Equal(header.Length, header.Distinct().Count());
        var rows = lines.Skip(1).ToList();
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        return (header, [.. rows.Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))]);
    }

    private static double Sum(Dictionary<string, string> row, params string[] columns) =>
        columns.Sum(c => double.Parse(row[c], CultureInfo.InvariantCulture));
}
