using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.RiskShare;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cli;

/// <summary>The result tables fit the terminal and print every number whole, on one line.</summary>
public class ConsoleTableTests
{
    private static readonly string Dorset = Repo.Scenario("dorset-pool-2017.yaml");

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public void Headline_table_fits_the_terminal_without_breaking_numbers(int width)
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.AtWidth(width, "run", Dorset, "--runs", "20", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        AssertFits(run.Output, width);
        foreach (var outcome in HeadlineOutcomes(dir))
        {
            var count = IsCount(dir, outcome);
            AssertWhole(run.Output, outcome.GetProperty("mean").GetDouble());
            AssertWhole(run.Output, outcome.GetProperty("p50").GetDouble(), count: count);
            if (width >= 80)
            {
                AssertWhole(run.Output, outcome.GetProperty("se").GetDouble());
                AssertWhole(run.Output, outcome.GetProperty("p5").GetDouble(), count: count);
                AssertWhole(run.Output, outcome.GetProperty("p95").GetDouble(), count: count);
            }
        }
    }

    [Fact]
    public void Headline_table_fits_80_columns_and_shows_each_outcome_by_its_label()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        var path = Repo.Scenario("doncaster-ccash.yaml");

        var run = CliRun.AtWidth(80, "run", path, "--runs", "20", "--out", dir, "--quiet");

        AssertFits(run.Output, 80);
        foreach (var outcome in HeadlineOutcomes(dir))
        {
            var label = Label(path, outcome);
            Assert.All(label.Split(' ', '-'), word => Assert.Contains(word, run.Output, StringComparison.Ordinal));
            Assert.DoesNotContain(outcome.GetProperty("name").GetString()!, run.Output, StringComparison.Ordinal);
        }
        Assert.Contains("Always zero in these runs: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_lists_outcomes_that_never_vary_in_the_same_words_as_the_report()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.AtWidth(80, "run", Dorset, "--runs", "20", "--out", dir, "--quiet");

        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        var lines = Regex.Matches(html, "<p class=\"muted\">((?:Always zero in these runs|The same in every run|No value in any run)[^<]*)</p>")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains(lines, l => l.StartsWith("Always zero in these runs: ", StringComparison.Ordinal));
        var console = Regex.Replace(run.Output, @"\s*\n", " ");
        Assert.All(lines, line => Assert.Contains(line, console, StringComparison.Ordinal));
        Assert.DoesNotContain("zero unless shown", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ends_with_the_summary_sentences()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.AtWidth(200, "run", Dorset, "--runs", "20", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var summary = run.Output[run.Output.IndexOf("Summary:", StringComparison.Ordinal)..];
        Assert.Contains("- These figures cover 20 simulated futures of the 2-year horizon from 1 April 2017", summary, StringComparison.Ordinal);
        Assert.Contains("bad-case liability (95th percentile over the 2-year horizon) is lowest under", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wide_terminal_shows_every_headline_number_in_full()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.AtWidth(200, "run", Dorset, "--runs", "20", "--out", dir, "--quiet");

        AssertFits(run.Output, 200);
        foreach (var outcome in HeadlineOutcomes(dir))
        {
            Assert.Contains(Label(Dorset, outcome), run.Output, StringComparison.Ordinal);
            Assert.Contains(OutcomeLabels.Unit(outcome.GetProperty("unit").GetString()!), run.Output, StringComparison.Ordinal);
            foreach (var field in new[] { "mean", "se", "p5", "p50", "p95" })
            {
                AssertWhole(run.Output, outcome.GetProperty(field).GetDouble(), fullOnly: true, count: field.StartsWith('p') && IsCount(dir, outcome));
            }
        }
    }

    [Theory]
    [InlineData(104, "Headline outcomes over the 2-year horizon")]
    [InlineData(30, "Headline outcomes over the 30-week horizon")]
    public void The_headline_table_is_titled_with_the_horizon_its_totals_cover_as_in_the_report(int weeks, string title)
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5), weeks);
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        var rows = new double[2 * schema.Stride];
        rows[schema.IndexOf("unmet_hours_total")] = 1000;
        summary.Accept(0, 2, rows);
        using var console = new StringWriter();

        HeadlineTable.Write(console, scenario, summary, colour: false, width: 120);

        Assert.Equal(title, console.ToString().Split('\n')[0].Trim());
        Assert.Contains($"<h3>{title}</h3>", SummaryHtml.Section(scenario, summary, []), StringComparison.Ordinal);
    }

    [Fact]
    public void Percentiles_of_a_count_print_as_whole_numbers_in_the_console_and_the_report()
    {
        var scenario = TestMarkets.PoolMarket(1_000_000, RiskShareSpec.Proportional("a"));
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        var rows = new double[20 * schema.Stride];
        for (var r = 0; r < 20; r++)
        {
            rows[(r * schema.Stride) + OutcomeSchema.HandBacks] = r;
            rows[(r * schema.Stride) + schema.IndexOf("caseload_mean_people")] = r + 0.25;
        }
        summary.Accept(0, 20, rows);
        using var console = new StringWriter();

        HeadlineTable.Write(console, scenario, summary, colour: false, width: 200);
        var html = SummaryHtml.Section(scenario, summary, []);

        // Type 7 over 0..19: P5 0.95, P50 9.5, P95 18.05 hand-backs, shown as 1, 10 and 18; the mean keeps its decimals.
        var line = console.ToString().Split('\n').Single(l => l.Contains("Contract hand-backs", StringComparison.Ordinal));
        Assert.Matches(@"9\.50 ± 1\.32 │\s+1 │\s+10 │\s+18 │", line);
        Assert.Contains("<td>9.50 ± 1.32</td><td>1</td><td>10</td><td>18</td>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Matches(@"Caseload.*│\s+1\.20 │\s+9\.75 │\s+18\.3 │", console.ToString());
        Assert.DoesNotContain("18.05", console.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(60)]
    public void A_zero_in_the_headline_table_reads_0_and_0_not_0_00(int width)
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 5), 104);
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        var rows = new double[20 * schema.Stride];
        for (var r = 15; r < 20; r++)
        {
            rows[(r * schema.Stride) + schema.IndexOf("unmet_hours_total")] = 1_000_000.5 * r;
        }
        summary.Accept(0, 20, rows);
        using var console = new StringWriter();

        HeadlineTable.Write(console, scenario, summary, colour: false, width: width);
        var html = System.Net.WebUtility.HtmlDecode(SummaryHtml.Section(scenario, summary, []));

        var line = console.ToString().Split('\n').First(l => l.Contains("Unmet need", StringComparison.Ordinal));
        Assert.Matches(@"│\s+0 │\s+0 │", line);
        Assert.DoesNotContain("0.00", console.ToString(), StringComparison.Ordinal);
        Assert.Matches("<td>0</td><td>0</td><td>[^<]+m</td>", html);
        Assert.DoesNotContain("0.00", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_in_one_table_reads_on_one_footing_4_75k_beside_millions_not_4_750()
    {
        var scenario = TestMarkets.PoolMarket(1_000_000, RiskShareSpec.Proportional("a"));
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        var rows = new double[20 * schema.Stride];
        for (var r = 1; r < 20; r++)
        {
            rows[(r * schema.Stride) + schema.IndexOf("unmet_need_cost_gbp")] = r == 1 ? 5_000 : 1_000_000.5 * r;
            rows[(r * schema.Stride) + schema.IndexOf("unmet_hours_total")] = r == 1 ? 50.5 : 10_000.5 * r;
        }
        summary.Accept(0, 20, rows);
        using var console = new StringWriter();

        HeadlineTable.Write(console, scenario, summary, colour: false, width: 60);
        var html = System.Net.WebUtility.HtmlDecode(SummaryHtml.Section(scenario, summary, []));

        // Type 7 over 0, 5,000, 2.0m … 19.0m: P5 is £4,750, written £4.75k beside P95 £18.1m.
        Assert.Contains("<td>£4.75k</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("4,750", html, StringComparison.Ordinal);
        Assert.Contains("4.75k", console.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4,750", console.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public void Risk_share_table_fits_the_terminal_without_breaking_numbers(int width)
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.AtWidth(width, "run", Dorset, "--runs", "20", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        AssertFits(run.Output, width);
        var lines = File.ReadAllLines(Path.Combine(dir, "risk_share.csv"));
        var header = lines[0].Split(',');
        Assert.True(lines.Length > 10);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            double Field(string name) => double.Parse(cells[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
            AssertWhole(run.Output, Field("mean_liability_gbp"));
            AssertWhole(run.Output, Field("var95_gbp"));
            Assert.DoesNotContain("dorset_ccg", run.Output, StringComparison.Ordinal);
            Assert.Matches(Whole(Field("p_any_overspend").ToString("0%", CultureInfo.InvariantCulture)), run.Output);
        }
    }

    [Theory]
    [InlineData(80, true)]
    [InlineData(40, false)]
    public void An_experiment_id_is_split_only_when_nothing_else_fits_and_never_cut_short(int width, bool whole)
    {
        const string id = "20261202-160515-doncaster-ccash-lead-pro-de3183";
        var table = new FittedTable("Experiments").Whole("Id").Text("Scenario", FittedTable.Drop.ToFit).Number("Runs").Text("Phase");
        table.AddRow(id, "Doncaster CCASH with a lead provider", "10,000", "finished");
        var output = new StringWriter();

        TableConsole.For(output, colour: false, width).Write(table);

        AssertFits(output.ToString(), width);
        Assert.Equal(whole, output.ToString().Contains($"│ {id} │", StringComparison.Ordinal));
        Assert.DoesNotContain("…", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("de3183", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_experiment_id_stays_whole_at_80_columns_while_a_number_of_runs_stacks_its_figures()
    {
        string[] ids = ["20261203-193149-doncaster-ccash-8a5e81", "20261203-193222-doncaster-ccash-4272d3"];
        var table = new FittedTable("Experiments").Whole("Id").Text("Scenario", FittedTable.Drop.ToFit).Number("Runs").Number("Delivered")
            .Number("In flight", FittedTable.Drop.ToFit).Text("Phase").Text("Host", FittedTable.Drop.ToFit);
        table.AddRow(ids[0], "Doncaster CCASH", "20,000", "20,000 (100%)", "0", "finished", "S127.0.0.1:11461:155331079");
        table.AddRow(ids[1], "Doncaster CCASH", "200,000", "10,240 (5%)", "0", "interrupted", "S127.0.0.1:11461:155331079");
        var output = new StringWriter();

        TableConsole.For(output, colour: false, TableConsole.RedirectedWidth).Write(table);

        AssertFits(output.ToString(), TableConsole.RedirectedWidth);
        Assert.All(ids, id => Assert.Contains($"│ {id} │", output.ToString(), StringComparison.Ordinal));
        Assert.Contains("200,000", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("10,240", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("(100%)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_table_fits_80_columns_without_breaking_numbers()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.AtWidth(80, "sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500",
            "--vary", "zones.*.demand.annual_growth=0..0.06", "--metric", "unmet_hours_total", "--metric", "spend_gbp__doncaster_council",
            "--runs", "8", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        AssertFits(run.Output, 80);
        var lines = File.ReadAllLines(Path.Combine(dir, "sensitivity.csv"));
        var header = lines[0].Split(',');
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            double Field(string name) => double.Parse(cells[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
            Assert.Matches(Whole(Numbers.Setting(Field("value"))), run.Output);
            AssertWhole(run.Output, Field("base_mean"));
            // The change and its half-width on one scale, as Quantity.PlusMinus writes them on the table's footing, each whole.
            var unit = cells[Array.IndexOf(header, "unit")];
            var change = new[] { false, true }.Select(scaled => Quantity.PlusMinus(Field("mean_difference"), (Field("ci95_high") - Field("ci95_low")) / 2, unit, signed: true, scaled)).ToList();
            Assert.True(change.Any(c => c.Split(" ± ").All(part => Regex.IsMatch(run.Output, Whole(part)))), $"neither {string.Join(" nor ", change)} appears whole in:\n{run.Output}");
        }
    }

    private static string Label(string scenarioPath, JsonElement outcome)
    {
        var scenario = ScenarioLoader.Load(scenarioPath);
        var column = new OutcomeSchema(scenario).Columns.Single(c => c.Name == outcome.GetProperty("name").GetString());
        return new OutcomeLabels(scenario).Label(column);
    }

    private static List<JsonElement> HeadlineOutcomes(string dir)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var outcomes = summary.RootElement.GetProperty("outcomes").EnumerateArray()
            .Where(o => o.TryGetProperty("p5", out _) && o.GetProperty("min").GetDouble() != o.GetProperty("max").GetDouble()).Select(o => o.Clone()).ToList();
        Assert.True(outcomes.Count >= 10);
        return outcomes;
    }

    /// <summary>Every line of the tables is at most <paramref name="width"/> long (the run's first line and the results path are not tables).</summary>
    private static void AssertFits(string output, int width)
    {
        var tables = output.Split('\n').Where(l => !l.StartsWith("Results: ", StringComparison.Ordinal) && !l.Contains(" runs, seed ", StringComparison.Ordinal));
        foreach (var line in tables)
        {
            Assert.True(line.TrimEnd('\r').Length <= width, $"{line.Length} columns > {width}: {line}");
        }
    }

    /// <summary>
    /// The number, written as the tables write it (its magnitude in full, or compact where space is short, 1.23k beside 12.3k, after any − and £;
    /// a percentile of a <paramref name="count"/> as the whole number it rounds to), appears whole on one line.
    /// </summary>
    private static void AssertWhole(string output, double x, bool fullOnly = false, bool count = false)
    {
        Func<double, string> Shown(Func<double, string> number) => count ? v => Numbers.Whole(v, number) : number;
        bool Written(Func<double, string> format) => Regex.IsMatch(output, Whole(format(x))) || Regex.IsMatch(output, Whole(format(Math.Abs(x))));
        Assert.True(Written(Shown(Numbers.Readable)) || (!fullOnly && (Written(Shown(Numbers.Compact)) || Written(Shown(Numbers.Scaled)))),
            $"neither {Shown(Numbers.Readable)(x)}{(fullOnly ? "" : $" nor {Shown(Numbers.Compact)(x)} nor {Shown(Numbers.Scaled)(x)}")} appears whole in:\n{output}");
    }

    /// <summary>Whether <paramref name="outcome"/> of summary.json is not money and a whole number in every run of runs.csv.</summary>
    private static bool IsCount(string dir, JsonElement outcome)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, "runs.csv"));
        var index = Array.IndexOf(lines[0].Split(','), outcome.GetProperty("name").GetString());
        return !outcome.GetProperty("unit").GetString()!.StartsWith("GBP", StringComparison.Ordinal)
            && lines.Skip(1).Select(l => l.Split(',')[index]).Where(v => v.Length > 0).All(v => double.Parse(v, CultureInfo.InvariantCulture) % 1 == 0);
    }

    private static string Whole(string number) => $@"(?<![\d.,\-]){Regex.Escape(number)}(?![\d,%kmb]|\.\d)";
}
