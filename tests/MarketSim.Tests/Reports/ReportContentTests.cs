using System.Net;
using System.Text.RegularExpressions;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Providers;
using MarketSim.Grains.RiskShare;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Statistics;
using MarketSim.Grains.Zones;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Reports;

/// <summary>What report.html says: the summary sentences, the finance labels and the paired differences between agreements.</summary>
public partial class ReportContentTests
{
    private static readonly Lazy<(ExperimentResult Result, string Html)> Dorset = new(() =>
    {
        var dir = Path.Combine(Repo.TempDir(), "dorset");
        var result = Experiment.Run(new ExperimentOptions(Repo.Scenario("dorset-pool-2017.yaml"), 200, 11, dir, Threads: 2));
        return (result, File.ReadAllText(Path.Combine(dir, "report.html")));
    });

    [GeneratedRegex("<style>.*?</style>|<title>.*?</title>|<code class=\"file\">.*?</code>", RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("<li>(.*?)</li>")]
    private static partial Regex Item();

    [Fact]
    public void Summary_sentences_of_the_Dorset_pool_for_seed_11_and_200_runs()
    {
        var sentences = Item().Matches(Dorset.Value.Html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        Assert.Equal(
        [
            "These figures cover 200 simulated futures of the 2-year horizon from 1 April 2017; ± is one Monte Carlo standard error and intervals are 95%.",
            "In 15% of futures (± 2.5%) the market loses Spot provider within the 2-year horizon, most often by hand-back of contracts, most often in year 1; at this precision (two standard errors) North and West framework provider 1, South framework provider 1, East framework provider 1 and 6 others are as likely to leave.",
            "On average 0.46 providers hand back their contracts (± 0.04 providers) and 0.65 providers fail (± 0.05 providers) over the 2-year horizon.",
            "North and West Dorset is left without its lead provider at some point in 11% of futures (± 2.2%); in those futures it is without one for 46.5 weeks of the 2-year horizon on average (± 6.56 weeks), and averaged over all futures for 5.12 weeks (± 1.25 weeks). All 3 zones lose their lead in some future, in 8.5% to 11% of futures.",
            "Unmet need averages 177k care hours over the 2-year horizon (± 21.8k hours), 1.9% of need; valued at £43.75 an hour it costs £7.75m (± £954k).",
            "The budgets of Dorset County Council over the 2-year horizon are overspent in 87% of futures (± 2.4%); on average spending ends £3.82m over budget (± £269k).",
            "The budgets of Dorset CCG (Continuing Healthcare) over the 2-year horizon are overspent in 55% of futures (± 3.5%); on average spending ends £50.8k over budget (± £105k).",
            "The Dorset care markets pool overspends over the 2-year horizon in 83% of futures (± 2.7%); on average it ends £3.88m over budget (± £349k).",
            "For Dorset County Council the bad-case liability (95th percentile over the 2-year horizon) is lowest under \"Full pool of both out-turns (53 : 18)\", £7.07m (95% interval £6.56m to £7.59m), and highest under \"Aligned budgets (no pooling)\", £7.97m.",
            "Under \"Dorset rule (CCG scaled 53/55, overspend 53 : 17.35)\" the liability of Dorset County Council is £767k higher over the 2-year horizon (95% interval +£763k to +£771k) than under \"Full pool of both out-turns (53 : 18)\" (the widest gap between agreements, on the same futures).",
            "For Dorset CCG (Continuing Healthcare) the bad-case liability (95th percentile over the 2-year horizon) is lowest under \"Dorset rule (CCG scaled 53/55, overspend 53 : 17.35)\" and \"Dorset rule, underspend 85% to social care\", £1.42m (95% interval £1.28m to £1.67m), and highest under \"Aligned budgets (no pooling)\", £2.34m.",
            "Under \"Full pool of both out-turns (53 : 18)\" the liability of Dorset CCG (Continuing Healthcare) is £767k higher over the 2-year horizon (95% interval +£763k to +£771k) than under \"Dorset rule (CCG scaled 53/55, overspend 53 : 17.35)\" (the widest gap between agreements, on the same futures).",
        ], sentences);
    }

    [Fact]
    public void Every_uncertainty_in_the_summary_carries_the_unit_of_the_figure_it_qualifies()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5), 104);
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        var rows = new double[2 * schema.Stride];
        rows[schema.IndexOf("unmet_hours_total")] = 100_000;
        rows[schema.Stride + schema.IndexOf("unmet_hours_total")] = 118_696;
        summary.Accept(0, 2, rows);
        using var riskShare = new RiskShareComparison(scenario, schema);

        var sentences = SummarySentences.For(scenario, summary, [], riskShare);

        // Two runs: mean 109,348 hours, standard error half their difference, 9,348 hours.
        Assert.StartsWith("Unmet need averages 109k care hours over the 2-year horizon (± 9.35k hours), ",
            Assert.Single(sentences, s => s.StartsWith("Unmet need", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.All(Item().Matches(Dorset.Value.Html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)),
            sentence => Assert.DoesNotMatch(@"± [\d.,]+[kmbn]*\)", sentence));
    }

    [Theory]
    [InlineData(104, "simulated futures of the 2-year horizon (104 weeks) from")]
    [InlineData(78, "simulated futures of the 78-week horizon from")]
    public void The_reports_first_line_says_a_part_year_horizon_once_not_78_week_horizon_78_weeks(int weeks, string words)
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5), weeks);
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        summary.Accept(0, 2, new double[2 * schema.Stride]);
        using var riskShare = new RiskShareComparison(scenario, schema);

        var html = HtmlReport.Render(scenario, summary, riskShare, [], [], new Dictionary<string, string>());

        Assert.Contains(words, html, StringComparison.Ordinal);
        Assert.DoesNotContain("-week horizon (", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_zone_table_says_how_many_wait_and_how_long_as_zones_csv_and_service_users_csv_give_them()
    {
        var (result, html) = Dorset.Value;
        var table = WebUtility.HtmlDecode(Between(html, "<h3>Zones: lead providers and unmet need", "</table>"));
        var zones = Rows(table);

        Assert.Contains("Waiting list, people (mean over weeks ± SE)", table, StringComparison.Ordinal);
        Assert.Contains("Wait for a package, weeks (mean ± SE)", table, StringComparison.Ordinal);
        Assert.Contains("averaged over the weeks of the 2-year horizon", table, StringComparison.Ordinal);
        foreach (var zone in result.Entities.Where(e => e.Block.Kind == EntityKind.Zone))
        {
            var row = zones.Single(r => r[0] == zone.Block.Name);
            var waiting = zone.Metric("mean_waiting_list");
            Assert.Equal($"{Numbers.Readable(waiting.Mean)} ± {Numbers.Readable(waiting.StdError)}", row[^2]);
            var council = result.Entities.Single(e => e.Block.Id == $"{zone.Block.Id}__council").Metric("mean_wait_weeks");
            Assert.StartsWith($"council {Numbers.Readable(council.Mean)} ± {Numbers.Readable(council.StdError)}; NHS CHC ", row[^1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_zone_table_says_how_long_a_zone_goes_without_its_lead_in_the_futures_that_lose_it_and_its_share_of_need_unmet()
    {
        var (result, html) = Dorset.Value;
        var table = WebUtility.HtmlDecode(Between(html, "<h3>Zones: lead providers and unmet need", "</table>"));
        var header = Regex.Matches(table, "<th>(.*?)</th>").Select(m => m.Groups[1].Value).ToList();
        var whenLost = header.IndexOf("Weeks without a lead, in the futures that lose it (mean ± SE)");
        var share = header.IndexOf("Share of need unmet");
        Assert.True(whenLost > 0 && share > 0, string.Join(" | ", header));
        var runs = File.ReadAllLines(Path.Combine(result.OutDir, "runs.csv"));
        var columns = runs[0].Split(',').ToList();
        foreach (var zone in result.Entities.Where(e => e.Block.Kind == EntityKind.Zone && e.LosesLead is { Count: > 1 }))
        {
            var row = Rows(table).Single(r => r[0] == zone.Block.Name);
            var column = columns.IndexOf($"weeks_without_lead__{zone.Block.Id}");
            var lost = runs.Skip(1).Select(l => double.Parse(l.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture)).Where(w => w > 0).ToList();
            var mean = lost.Average();
            var se = Math.Sqrt(lost.Sum(w => (w - mean) * (w - mean)) / (lost.Count - 1) / lost.Count);
            Assert.Equal($"{Numbers.Readable(mean)} ± {Numbers.Readable(se)}", row[whenLost]);
            var unmet = zone.Metric("unmet_hours").Mean;
            Assert.Equal(Quantity.Share(unmet / (unmet + zone.Metric("delivered_hours").Mean)), row[share]);
        }
        Assert.Contains("in which the zone loses its lead (how long it lasts when it happens)", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "; 1 other provider leaves in at least 10% of futures.")]
    [InlineData(2, "; 2 other providers leave in at least 10% of futures.")]
    public void The_other_providers_that_leave_agree_in_number_with_their_verb(int others, string ending)
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5), 52);
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        summary.Accept(0, 2, new double[2 * schema.Stride]);
        using var riskShare = new RiskShareComparison(scenario, schema);
        var providers = Enumerable.Range(0, others + 1).Select(i => ChartSamples.Provider($"p{i}", $"Provider {i}", 100, 0, 50 - (15 * i), 0)).ToList();

        var sentences = SummarySentences.For(scenario, summary, providers, riskShare);

        Assert.EndsWith(ending, Assert.Single(sentences, s => s.StartsWith("In 50% of futures", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 50, 40 }, "; at this precision (two standard errors) Provider 1 is as likely to leave.")]
    [InlineData(new[] { 50, 49, 48, 20 }, "; at this precision (two standard errors) Provider 1 and Provider 2 are as likely to leave; 1 other provider leaves in at least 10% of futures.")]
    [InlineData(new[] { 50, 50, 49, 49, 48, 48 }, "; at this precision (two standard errors) Provider 1, Provider 2, Provider 3 and 2 others are as likely to leave.")]
    [InlineData(new[] { 50, 35 }, "; 1 other provider leaves in at least 10% of futures.")]
    public void Providers_as_likely_to_leave_as_the_top_one_within_two_standard_errors_are_named_beside_it(int[] leftInRuns, string ending)
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5), 52);
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        summary.Accept(0, 2, new double[2 * schema.Stride]);
        using var riskShare = new RiskShareComparison(scenario, schema);
        var providers = leftInRuns.Select((left, i) => ChartSamples.Provider($"p{i}", $"Provider {i}", 100, 0, left, 0)).ToList();

        var sentences = SummarySentences.For(scenario, summary, providers, riskShare);

        Assert.EndsWith(ending, Assert.Single(sentences, s => s.StartsWith("In 50% of futures (± 5.0%) the market loses Provider 0 within", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, "No provider handed back its contracts or failed in any future over the 1-year horizon.")]
    [InlineData(0, 3, "No provider handed back its contracts in any future over the 1-year horizon; on average 1.50 providers fail (± 1.50 providers).")]
    [InlineData(2, 0, "On average 1.00 providers hand back their contracts (± 1.00 providers) over the 1-year horizon; no provider failed in any future.")]
    public void Hand_backs_or_failures_that_are_zero_in_every_run_read_as_none_not_as_an_average_of_zero(int handBacks, int failures, string expected)
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5), 52);
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        var rows = new double[2 * schema.Stride];
        rows[OutcomeSchema.HandBacks] = handBacks;
        rows[OutcomeSchema.ProviderFailures] = failures;
        summary.Accept(0, 2, rows);
        using var riskShare = new RiskShareComparison(scenario, schema);
        var providers = new[] { ChartSamples.Provider("p", "Provider", 100, 0, 0, 50) };

        var sentences = SummarySentences.For(scenario, summary, providers, riskShare);

        Assert.Contains(expected, sentences);
        Assert.DoesNotContain(sentences, s => s.StartsWith("On average 0 providers", StringComparison.Ordinal));
    }

    [Fact]
    public void The_providers_most_at_risk_table_lists_the_top_20_by_risk_and_counts_the_rest_in_providers_csv()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5), 52);
        var share = ProviderMetrics.For(1).Single(m => m.Name == "delivered_share");
        var providers = Enumerable.Range(0, 25).Select(i => ChartSamples.Provider($"p{i:00}", $"Provider {i:00}", 100, 0, 10 + i, 0))
            .Select(p => p with { Metrics = [new MetricSummary(share, 100, 0.04, 0.001, 0.03, 0.04, 0.05)] }).ToList();

        var html = MarketHtml.Section(scenario, providers);

        var table = html[html.IndexOf("<h3>Providers most at risk</h3>", StringComparison.Ordinal)..html.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(20, Regex.Matches(table, "<td>Provider ").Count);
        Assert.Contains("<td>Provider 24</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td>Provider 05</td>", table, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>Provider 04</td>", table, StringComparison.Ordinal);
        Assert.Contains("<p class=\"muted\">… and 5 more that leave in some future, in providers.csv.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_finance_section_says_what_the_Dorset_rule_puts_into_the_pool_the_seeds_17_35m_of_18m()
    {
        var html = WebUtility.HtmlDecode(Dorset.Value.Html);

        Assert.Contains("Contributions in the first year: Dorset County Council £53.00m; Dorset CCG (Continuing Healthcare) £18.00m.", html, StringComparison.Ordinal);
        Assert.Contains("Under \"Dorset rule (CCG scaled 53/55, overspend 53 : 17.35)\", \"Dorset rule, underspend 85% to social care\" and \"Dorset rule with BCF payment for performance\", "
            + "Dorset CCG (Continuing Healthcare) puts £17.35m of its £18.00m into the pool and keeps £0.65m, in the first year.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Under \"Full pool of both out-turns (53 : 18)\", Dorset CCG", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fan_chart_of_money_says_its_bands_are_streaming_estimates_and_one_of_people_does_not()
    {
        var html = WebUtility.HtmlDecode(Dorset.Value.Html);
        string Caption(string file) => Regex.Match(html, $"<figcaption>([^<]*)Files: <code class=\"file\">charts/{file}.svg").Groups[1].Value;

        Assert.Contains("The bands are streaming (P²) estimates", Caption("fan_cumulative_overspend_gbp"), StringComparison.Ordinal);
        Assert.StartsWith("People waiting for a package, all zones (people), month by month", Caption("fan_waiting_list_people"), StringComparison.Ordinal);
        Assert.DoesNotContain("P²", Caption("fan_waiting_list_people"), StringComparison.Ordinal);
    }

    [Fact]
    public void Providers_that_never_left_are_named_up_to_20_and_the_rest_counted_in_providers_csv()
    {
        var line = NeverLeftLine(providers: 2000);

        Assert.Equal(20, Regex.Matches(line, "Provider ").Count);
        Assert.Contains("Provider 0000; Provider 0001;", line, StringComparison.Ordinal);
        Assert.EndsWith("Provider 0019; and 1,980 more, in providers.csv.</p>", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Twenty_providers_that_never_left_are_all_named() =>
        Assert.EndsWith("Provider 0018; Provider 0019.</p>", NeverLeftLine(providers: 20), StringComparison.Ordinal);

    /// <summary>report.html's "Never left" line for a market of <paramref name="providers"/> providers none of which ever leaves.</summary>
    private static string NeverLeftLine(int providers)
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5), 52);
        var summaries = Enumerable.Range(0, providers).Select(i => ChartSamples.Provider($"p{i:0000}", $"Provider {i:0000}", 100, 0, 0, 0)).ToList();
        var html = MarketHtml.Section(scenario, summaries);
        return Regex.Match(html, "<p class=\"muted\">Never left in any future over the [^<]*</p>").Value;
    }

    [Fact]
    public void The_assumptions_table_is_folded_under_a_line_that_counts_its_rows()
    {
        var yaml = File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml"));
        var rows = ScenarioAssumptions.Read(yaml).Count;

        var html = AssumptionsHtml.Section(yaml, ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml")));

        Assert.Contains($"<details><summary>Every input of the scenario ({rows:N0} rows)</summary>\n<table>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("</details>", StringComparison.Ordinal) > html.IndexOf("</table>", StringComparison.Ordinal));
        Assert.True(rows > 20);
    }

    [Fact]
    public void Assumptions_name_the_entity_a_field_refers_to_but_show_a_role_that_is_also_an_id_as_written()
    {
        var yaml = File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml"));

        var html = AssumptionsHtml.Section(yaml, ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml")));

        Assert.Contains("providers › Spot provider › role</span></td><td>spot</td>", html, StringComparison.Ordinal);
        Assert.Contains("partners › 1 › commissioner</span></td><td>Dorset County Council</td>", html, StringComparison.Ordinal);
        Assert.Contains("› backstop</span></td><td>Dorset County Council</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Assumptions_show_a_providers_zones_and_an_agreements_capped_partner_by_name_not_by_id()
    {
        var yaml = File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml"));

        var html = AssumptionsHtml.Section(yaml, ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml")));

        Assert.Contains("providers › North and West lead provider › zones</span></td><td>[North and West Dorset]</td>", html, StringComparison.Ordinal);
        Assert.Contains("providers › Spot provider › zones</span></td><td>all</td>", html, StringComparison.Ordinal);
        Assert.Contains("› caps › Dorset CCG (Continuing Healthcare) › percent of contribution</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("[north_west]", html, StringComparison.Ordinal);
        Assert.DoesNotContain("› dorset ccg ›", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Assumptions_label_a_fixed_share_by_the_partners_name()
    {
        var yaml = File.ReadAllText(Repo.Scenario("banes-your-care-your-way.yaml"));
        var scenario = ScenarioLoader.Load(Repo.Scenario("banes-your-care-your-way.yaml"));

        var html = AssumptionsHtml.Section(yaml, scenario);

        Assert.Contains($"› shares › {WebUtility.HtmlEncode(scenario.Commissioners[0].Name)}</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("› shares › banes council", html, StringComparison.Ordinal);
        Assert.DoesNotContain("[complex_specialist]", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Zones_that_lose_their_lead_equally_often_read_as_one_share_not_a_range_from_it_to_itself()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5), 104);
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        summary.Accept(0, 2, new double[2 * schema.Stride]);
        using var riskShare = new RiskShareComparison(scenario, schema);
        var weeks = ZoneMetrics.All[ZoneMetrics.WeeksWithoutLead];
        var zones = new[] { "North", "South", "East" }.Select(name => new EntitySummary(
            new EntityBlock(EntityKind.Zone, name.ToLowerInvariant(), name, 0, 0), 10, [new MetricSummary(weeks, 10, 2, 1, 0, 0, 5)], LosesLead: new Proportion(1, 10))).ToList();

        var sentence = Assert.Single(SummarySentences.For(scenario, summary, zones, riskShare), s => s.Contains("lead provider", StringComparison.Ordinal));

        Assert.EndsWith(" All 3 zones lose their lead in some future, in 10% of futures each.", sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-900_000.0, 100_000.0, "The Pool overspends over the 2-year horizon in 50% of futures (± 35%); on average it ends £400k under budget (± £500k).")]
    [InlineData(200_000.0, 400_000.0, "The Pool overspends over the 2-year horizon in 100% of futures (95% interval 34% to 100%); on average it ends £300k over budget (± £100k).")]
    public void A_pools_mean_overspend_reads_as_over_or_under_budget_never_as_a_negative_overspend(double first, double second, string expected)
    {
        var scenario = PoolMarket(RiskShareSpec.Proportional("a"));
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        using var riskShare = new RiskShareComparison(scenario, schema);
        var rows = new double[2 * schema.Stride];
        rows[schema.IndexOf("pool_overspend_gbp__pool")] = first;
        rows[schema.Stride + schema.IndexOf("pool_overspend_gbp__pool")] = second;
        summary.Accept(0, 2, rows);

        var sentences = SummarySentences.For(scenario, summary, [], riskShare);

        Assert.Equal(expected, Assert.Single(sentences, s => s.StartsWith("The Pool", StringComparison.Ordinal)));
        Assert.DoesNotContain(sentences, s => s.Contains("by −", StringComparison.Ordinal));
    }

    [Fact]
    public void Sentences_about_a_partner_with_a_plural_name_need_no_verb_to_agree_with_it()
    {
        // Leicestershire's NHS partner is "East Leicestershire and Rutland and West Leicestershire CCGs": before 2026-12-03 the
        // summary read "... CCGs overspends its budgets" and "... CCGs pays £1m more".
        const string Plural = "East and West CCGs";
        var pool = PoolMarket(RiskShareSpec.Proportional("a") with { Name = "A" }, RiskShareSpec.Proportional("b") with { Name = "B" });
        var scenario = pool with { Commissioners = [pool.Commissioners[0], pool.Commissioners[1] with { Name = Plural }] };
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        using var riskShare = new RiskShareComparison(scenario, schema);
        double[] overspend = [10_000, 30_000, -5_000, 60_000];
        var rows = new double[overspend.Length * schema.Stride];
        foreach (var (r, gbp) in overspend.Index())
        {
            rows[(r * schema.Stride) + schema.IndexOf("overspend_gbp__ccg")] = gbp;
            rows[(r * schema.Stride) + schema.IndexOf("liability_gbp__pool__a__ccg")] = gbp;
            rows[(r * schema.Stride) + schema.IndexOf("liability_gbp__pool__b__ccg")] = 2 * gbp;
        }
        summary.Accept(0, overspend.Length, rows);
        riskShare.Accept(0, overspend.Length, rows);

        var sentences = SummarySentences.For(scenario, summary, [], riskShare).Where(s => s.Contains(Plural, StringComparison.Ordinal)).ToList();

        Assert.Contains(sentences, s => s.StartsWith($"The budgets of {Plural} over the 2-year horizon are overspent in 75% of futures", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.StartsWith($"For {Plural} the bad-case liability (95th percentile over the 2-year horizon) is lowest under \"A\"", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.StartsWith($"Under \"B\" the liability of {Plural} is £23.8k higher over the 2-year horizon", StringComparison.Ordinal));
        Assert.Equal(3, sentences.Count);
    }

    [Fact]
    public void Agreements_with_the_same_bad_case_liability_read_as_the_same_under_every_agreement_not_as_lowest_and_highest()
    {
        var scenario = PoolMarket(RiskShareSpec.Proportional("a") with { Name = "A" }, RiskShareSpec.Proportional("b") with { Name = "B" });
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        using var riskShare = new RiskShareComparison(scenario, schema);
        double[] liability = [100_000, 400_000, 900_000, 1_460_000];
        var rows = new double[liability.Length * schema.Stride];
        foreach (var (r, gbp) in liability.Index())
        {
            rows[(r * schema.Stride) + schema.IndexOf("liability_gbp__pool__a__dcc")] = gbp;
            rows[(r * schema.Stride) + schema.IndexOf("liability_gbp__pool__b__dcc")] = gbp;
        }
        summary.Accept(0, liability.Length, rows);
        riskShare.Accept(0, liability.Length, rows);

        var sentences = SummarySentences.For(scenario, summary, [], riskShare);

        var badCase = Assert.Single(sentences, s => s.StartsWith("For Council the bad-case liability", StringComparison.Ordinal));
        Assert.Contains("is the same under every agreement, £1.38m", badCase);
        Assert.DoesNotContain("lowest", badCase);
        var gap = Assert.Single(sentences, s => s.Contains("the liability of Council", StringComparison.Ordinal));
        Assert.StartsWith("Under \"B\" the liability of Council over the 2-year horizon is exactly the same as under \"A\" in every future", gap);
    }

    [Fact]
    public void The_console_prints_the_same_sentences_as_the_report()
    {
        var (result, _) = Dorset.Value;

        var sentences = SummarySentences.For(result.Scenario, result.Summary, result.Entities, result.RiskShare, result.Drivers);

        foreach (var sentence in sentences)
        {
            Assert.Contains($"<li>{WebUtility.HtmlEncode(sentence)}</li>", Dorset.Value.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Paired_difference_of_known_liabilities_has_the_hand_worked_mean_and_standard_error()
    {
        var scenario = PoolMarket(RiskShareSpec.Proportional("a"), RiskShareSpec.Proportional("b"));
        var schema = new OutcomeSchema(scenario);
        using var comparison = new RiskShareComparison(scenario, schema);
        double[] underA = [10, 20, 30, 40];
        double[] underB = [12, 25, 29, 50];
        double[] worstYearA = [4, 15, 9, 30];
        var rows = new double[4 * schema.Stride];
        for (var r = 0; r < 4; r++)
        {
            rows[(r * schema.Stride) + schema.IndexOf("liability_gbp__pool__a__dcc")] = underA[r];
            rows[(r * schema.Stride) + schema.IndexOf("liability_gbp__pool__b__dcc")] = underB[r];
            rows[(r * schema.Stride) + schema.IndexOf("worst_year_liability_gbp__pool__a__dcc")] = worstYearA[r];
        }

        comparison.Accept(0, 4, rows);

        // B − A = 2, 5, −1, 10: mean 4, sample variance (4 + 1 + 25 + 36) / 3 = 22, standard error √(22 / 4).
        var (mean, se, runs) = comparison.Paired("pool", "a", "b", "dcc");
        Assert.Equal(4, mean, 12);
        Assert.Equal(Math.Sqrt(22.0 / 4), se, 12);
        Assert.Equal(4, runs);
        Assert.Equal(-4, comparison.Paired("pool", "b", "a", "dcc").MeanGbp, 12);
        Assert.Equal(0, comparison.Paired("pool", "a", "b", "ccg").MeanGbp);
        // Worst single year, sorted 4, 9, 15, 30: the 0.95 quantile (type 7) is 15 + 0.85 × 15 = 27.75; the worst 5% of 4 runs is the worst run.
        var line = comparison.Lines.Single(l => l.ModelId == "a" && l.Party == "dcc");
        Assert.Equal(27.75, line.WorstYearValueAtRisk, 12);
        Assert.Equal(30, line.WorstYearConditionalValueAtRisk, 12);
    }

    [Fact]
    public void On_a_real_scenario_the_mean_paired_difference_is_the_difference_of_the_agreements_means()
    {
        var riskShare = Dorset.Value.Result.RiskShare;
        var pool = Dorset.Value.Result.Scenario.PooledBudgets[0];
        var models = pool.ModelsOrDefault;

        Assert.True(models.Length >= 2);
        foreach (var partner in pool.Partners.Select(p => p.CommissionerId))
        {
            var a = riskShare.Lines.Single(l => l.ModelId == models[0].Id && l.Party == partner);
            foreach (var model in models.Skip(1))
            {
                var b = riskShare.Lines.Single(l => l.ModelId == model.Id && l.Party == partner);
                var (mean, se, runs) = riskShare.Paired(pool.Id, models[0].Id, model.Id, partner);
                Assert.Equal(200, runs);
                Assert.Equal(b.Liability.Mean - a.Liability.Mean, mean, 1e-6 * Math.Max(1, Math.Abs(a.Liability.Mean) + Math.Abs(b.Liability.Mean)));
                Assert.True(se > 0, $"{model.Id}: the agreements differ in some future");
            }
        }
    }

    [Fact]
    public void A_paired_difference_has_the_same_sign_and_amount_in_report_html_as_in_risk_share_differences_csv()
    {
        var (result, html) = Dorset.Value;
        var pool = result.Scenario.PooledBudgets[0];
        var models = pool.ModelsOrDefault;
        var labels = new OutcomeLabels(result.Scenario);
        var csv = File.ReadAllLines(Path.Combine(result.OutDir, "risk_share_differences.csv")).Select(l => l.Split(',')).ToList();
        var table = Between(html, "<h4>Paired differences between agreements", "</table>");

        Assert.Contains("A − B: A's liability minus B's (mean)", WebUtility.HtmlDecode(table), StringComparison.Ordinal);
        foreach (var partner in pool.Partners.Select(p => p.CommissionerId))
        {
            var row = csv.Single(r => r[0] == pool.Id && r[1] == models[0].Id && r[2] == models[1].Id && r[3] == partner);
            var mean = double.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture);
            var shown = Rows(table).Single(r => r[0] == labels.PartyName(pool, partner) && r[1] == models[0].Name && r[2] == models[1].Name);

            Assert.True(Math.Abs(mean) > 1_000, $"{partner}: the first two agreements differ by more than £1k");
            Assert.Equal(Quantity.Money(mean, signed: true), shown[3]);
            Assert.StartsWith(mean > 0 ? "+" : "−", shown[3], StringComparison.Ordinal);
            Assert.Contains(mean > 0 ? " higher " : " lower ", shown[5], StringComparison.Ordinal);
            Assert.StartsWith($"Under \"{models[0].Name}\"", shown[5], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_paired_differences_table_writes_its_pounds_on_one_footing_a_small_difference_in_k_beside_large_ones()
    {
        var proportional = RiskShareSpec.Proportional("a");
        var nearly = new RiskShareSpec("b", "Nearly proportional", OverspendRule.FixedShares, Shares: [0.74, 0.26]);
        var lead = new RiskShareSpec("c", "Council bears all", OverspendRule.LeadBearsAll, Partner: 0);

        var rows = Rows(Between(FinanceSection(PoolMarket(proportional, nearly, lead)), "<h4>Paired differences between agreements", "</table>"));

        var small = rows.First(r => r[2] == "Nearly proportional");
        Assert.Matches(@"^[+−]£\d\.\d\dk$", small[3]);
        Assert.Contains($"is {small[3][1..]} ", small[5], StringComparison.Ordinal);
        Assert.All(rows.SelectMany(r => new[] { r[3], r[4], r[5] }), cell => Assert.DoesNotMatch(@"£\d{1,3},\d{3}\b", cell));
    }

    [Theory]
    [InlineData(3_278, 16_500, "is £3.28k higher over the 2-year horizon (95% interval −£29.1k to +£35.6k)")]
    [InlineData(3_278, 50, "is £3,278 higher over the 2-year horizon (95% interval +£3,180 to +£3,376)")]
    [InlineData(-767_000, 2_000, "is £767k lower over the 2-year horizon (95% interval −£771k to −£763k)")]
    public void A_paired_reading_writes_its_pounds_on_one_footing(double mean, double se, string expected) =>
        Assert.Contains(expected, SummarySentences.PairedReading("Dorset County Council", "A", "B", mean, se, "2-year horizon"), StringComparison.Ordinal);

    [Fact]
    public void A_phased_pool_says_in_the_finance_section_how_much_of_year_1_runs_outside_the_agreements()
    {
        var text = VisibleText(Between(Dorset.Value.Html, "<h2 id=\"finance\">", "<h4>"));

        Assert.Contains("Pooling is phased in: the pool's share of the activity rises from 0% at the start to all of it by week 52. "
            + "Until then the rest runs as aligned budgets, which each partner bears in full whatever the agreement: on average 49% of year 1's activity, "
            + "so a partner's liability in year 1 can exceed its cap under a capped agreement.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pool_pooled_in_full_from_the_start_has_no_phasing_sentence_and_one_phased_over_two_years_names_both()
    {
        var capped = new RiskShareSpec("capped", "Capped", OverspendRule.CappedExposure, Partner: 0, CapsGbp: [double.PositiveInfinity, 1_000]);
        var whole = PoolMarket(RiskShareSpec.Proportional("a"), capped);
        var phased = whole with { PooledBudgets = [whole.PooledBudgets[0] with { PhasingStartShare = 0.5, PhasingFullByWeek = 78 }] };

        Assert.DoesNotContain("phased", FinanceSection(whole), StringComparison.Ordinal);
        Assert.Null(FinanceHtml.Phasing(whole.PooledBudgets[0], whole.HorizonWeeks));
        Assert.Contains(
            "Until then the rest runs as aligned budgets, which each partner bears in full whatever the agreement: on average 33% of year 1&#39;s activity and 4.0% of year 2&#39;s, "
            + "so a partner&#39;s liability in years 1 and 2 can exceed its cap under a capped agreement.", FinanceSection(phased), StringComparison.Ordinal);
    }

    [Fact]
    public void Finance_labels_VaR_and_CVaR_over_the_horizon_and_per_year_and_names_the_threshold()
    {
        var text = VisibleText(Dorset.Value.Html);

        Assert.Contains("VaR 95% over the 2-year horizon", text, StringComparison.Ordinal);
        Assert.Contains("CVaR 95% over the 2-year horizon", text, StringComparison.Ordinal);
        Assert.Contains("VaR 95% per year (horizon ÷ years, an average)", text, StringComparison.Ordinal);
        Assert.Contains("an average, not a per-year VaR", text, StringComparison.Ordinal);
        Assert.Contains("Worst single year: VaR 95%", text, StringComparison.Ordinal);
        Assert.Contains("P(liability > £0)", text, StringComparison.Ordinal);
        Assert.Contains("P(liability > £1.00m)", text, StringComparison.Ordinal);
        Assert.Contains("The threshold is a liability of £1.00m over the 2-year horizon: the threshold the scenario file sets for this pool (source: assumption: a £1m overspend as the finance teams' threshold).", text, StringComparison.Ordinal);
        Assert.Contains("Under \"Full pool of both out-turns (53 : 18)\" the liability of Dorset CCG (Continuing Healthcare) is", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commissioners_overspend_has_the_same_exact_percentiles_in_the_finance_table_as_in_the_headline_table()
    {
        var (result, html) = Dorset.Value;
        var labels = new OutcomeLabels(result.Scenario);
        var headline = Rows(Between(html, "<h3>Headline outcomes", "</table>"));
        var finance = Rows(Between(html, "<h3>Each commissioner's spend", "</table>"));

        foreach (var commissioner in result.Scenario.Commissioners)
        {
            var column = result.Summary.Schema.IndexOf($"overspend_gbp__{commissioner.Id}");
            string[] exact = [Quantity.Money(result.Summary.Quantile(column, 0.05)!.Value), Quantity.Money(result.Summary.Quantile(column, 0.95)!.Value)];
            var inHeadline = headline.Single(r => r[0] == labels.Label(result.Summary.Schema.Columns[column]));
            var inFinance = finance.Single(r => r[0] == commissioner.Name);
            Assert.Equal(exact, new[] { inHeadline[3], inHeadline[5] });
            Assert.Equal(exact, new[] { inFinance[4], inFinance[5] });
        }
    }

    [Fact]
    public void Report_text_has_no_raw_column_names_and_no_partner_ids()
    {
        var text = VisibleText(Dorset.Value.Html);

        Assert.DoesNotContain("__", text, StringComparison.Ordinal);
        Assert.DoesNotContain("_gbp", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dorset_ccg", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bdcc\b", text);
        Assert.Contains("Dorset County Council", text, StringComparison.Ordinal);
        Assert.Contains("£", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcomes_that_are_zero_in_every_run_are_one_line_not_rows()
    {
        var (result, html) = Dorset.Value;
        var zero = result.Summary.Moments[OutcomeSchema.ExitsForced];
        var label = new OutcomeLabels(result.Scenario).Label(result.Summary.Schema.Columns[OutcomeSchema.ExitsForced]);

        Assert.Equal(0, zero.Max);
        Assert.DoesNotContain($"<td><span title=\"{WebUtility.HtmlEncode(result.Summary.Schema.Columns[OutcomeSchema.ExitsForced].Description)}\">", html, StringComparison.Ordinal);
        Assert.Matches($"Always zero in these runs: [^<]*{Regex.Escape(WebUtility.HtmlEncode(label))}", html);
    }

    [Fact]
    public void Every_scenario_input_is_listed_with_its_source()
    {
        var yaml = File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml"));

        var inputs = ScenarioAssumptions.Read(yaml);

        var threshold = Assert.Single(inputs, a => a.Path == "pooled_budgets[0].threshold_gbp");
        Assert.Equal("1,000,000", threshold.Value);
        Assert.Equal("£", threshold.Unit);
        Assert.Equal("assumption: a £1m overspend as the finance teams' threshold", threshold.Source);
        var growth = Assert.Single(inputs, a => a.Path == "zones[1].demand.annual_growth");
        Assert.Equal("zones › East Dorset and Christchurch › demand › annual growth", growth.Label);
        Assert.Equal("0.03", growth.Value);
        Assert.Contains(inputs, a => a.Path == "zones[0].demand.weekly_hours" && a.Value == "lognormal (mean 20, sd 15)");
        Assert.Equal(2, ScenarioAssumptions.Documents(yaml).Count);
    }

    private static string FinanceSection(MarketScenario scenario)
    {
        var schema = new OutcomeSchema(scenario);
        var summary = new OutcomeSummary(schema);
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(1, 3, 1), summary);
        using var riskShare = new RiskShareComparison(scenario, schema);
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(1, 3, 1), riskShare);
        return FinanceHtml.Section(scenario, summary, riskShare, [], [], []);
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} is not in the report");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static List<string[]> Rows(string html) =>
        [.. Row().Matches(html).Select(r => Cell().Matches(r.Groups[1].Value).Select(c => WebUtility.HtmlDecode(Tag().Replace(c.Groups[1].Value, ""))).ToArray()).Where(r => r.Length > 0)];

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    private static string VisibleText(string html) => WebUtility.HtmlDecode(Tag().Replace(Hidden().Replace(html, " "), " "));

    private static MarketScenario PoolMarket(params RiskShareSpec[] models) => TestMarkets.PoolMarket(1_000_000, models);
}
