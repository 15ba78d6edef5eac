using System.Globalization;
using System.Net;
using System.Text.Json;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.RiskShare;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.UnmetNeed;

/// <summary>The console and report.html say plainly when need went unmet and what it is valued at.</summary>
public class UnmetNeedNoteTests
{
    [Fact]
    public void The_console_and_the_report_say_how_much_need_went_unmet_and_that_spend_understates_the_cost()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.Of("run", Repo.Scenario("doncaster-lead-exit.yaml"), "--runs", "20", "--seed", "5", "--out", dir, "--quiet");

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        double Mean(string name) => summary.RootElement.GetProperty("outcomes").EnumerateArray()
            .Single(o => o.GetProperty("name").GetString() == name).GetProperty("mean").GetDouble();
        var unmet = Mean("unmet_hours_total");
        var share = unmet / (unmet + Mean("delivered_hours_total"));
        var expected = string.Create(CultureInfo.InvariantCulture, $"{Quantity.Share(share)} of need went unmet ({Quantity.Format(unmet, "hours", scaled: unmet >= 10_000)} hours over the horizon");
        var output = run.Output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal);
        Assert.Contains(expected, output);
        var sentenceHours = System.Text.RegularExpressions.Regex.Match(output, "Unmet need averages ([^ ]+) care hours").Groups[1].Value;
        Assert.Contains($"of need went unmet ({sentenceHours} hours over the horizon", output, StringComparison.Ordinal);
        Assert.Contains("at £92.11 an hour); spend alone understates the cost of this scenario", output);
        Assert.Contains("Whole-system", run.Output);
        var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.Contains(expected, report);
        Assert.Contains("spend alone understates the cost of this scenario", report);
        Assert.Contains("Spend plus cost of unmet need (mean ± SE)", report);
        Assert.Contains(UpperBound, output);
        Assert.Contains(UpperBound, report);
    }

    [Fact]
    public void The_share_of_need_unmet_reads_the_same_in_the_note_and_in_the_summary_sentence()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        CliRun.Of("run", Repo.Scenario("doncaster-ccash.yaml"), "--runs", "20", "--seed", "3", "--out", dir, "--quiet");

        var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html")));
        var note = System.Text.RegularExpressions.Regex.Match(report, @"([0-9.]+%) of need went unmet \(").Groups[1].Value;
        var sentence = System.Text.RegularExpressions.Regex.Match(report, @"hours\), ([0-9.]+%) of need").Groups[1].Value;
        Assert.NotEqual("", note);
        Assert.Equal(sentence, note);
    }

    [Theory]
    [InlineData(3.0, false, true)]
    [InlineData(0.0, false, false)]
    [InlineData(3.0, true, false)]
    public void Unmet_need_is_called_an_upper_bound_when_a_zone_lost_its_lead_and_nothing_re_tenders_it(double weeksWithoutLead, bool dynamicPurchasing, bool caveat)
    {
        var scenario = TestMarkets.PoolMarket(1_000_000, RiskShareSpec.Proportional("a")) with
        {
            DynamicPurchasing = dynamicPurchasing ? new DynamicPurchasingSpec(JoinDelayWeeks: 5, CapacityShare: 1, Workforce: null) : null,
        };
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        var rows = new double[2 * schema.Stride];
        for (var r = 0; r < 2; r++)
        {
            rows[(r * schema.Stride) + schema.IndexOf("unmet_hours_total")] = 100;
            rows[(r * schema.Stride) + schema.IndexOf("delivered_hours_total")] = 900;
        }
        rows[schema.IndexOf("weeks_without_lead__z")] = weeksWithoutLead;
        summary.Accept(0, 2, rows);

        var note = UnmetNeedNote.Text(scenario, summary);

        Assert.NotNull(note);
        Assert.Equal(caveat, note.Contains(UpperBound, StringComparison.Ordinal));
    }

    private const string UpperBound = "A zone that loses its lead provider is not re-tendered in this scenario (it has no dynamic_purchasing), so the capacity lost stays lost to the horizon and unmet need here is an upper bound (docs/model.md).";
}
