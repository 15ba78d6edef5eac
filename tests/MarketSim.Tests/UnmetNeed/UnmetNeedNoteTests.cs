using System.Globalization;
using System.Net;
using System.Text.Json;
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
        var expected = string.Create(CultureInfo.InvariantCulture, $"{share:0.0%} of need went unmet ({unmet:#,0} hours over the horizon");
        var output = run.Output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal);
        Assert.Contains(expected, output);
        Assert.Contains("at £92.11 an hour); spend alone understates the cost of this scenario", output);
        Assert.Contains("Whole-system", run.Output);
        var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.Contains(expected, report);
        Assert.Contains("spend alone understates the cost of this scenario", report);
        Assert.Contains("Spend plus cost of unmet need (mean ± SE)", report);
    }
}
