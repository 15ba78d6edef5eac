using System.Globalization;
using System.Text;
using System.Xml.Linq;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.RiskShare;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Statistics;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Statistics;
using static MarketSim.Simulator.Reports.Html;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// report.html's "Finance": each commissioner's spend and overspend, then for each pooled budget (and
/// what of its activity a phased start leaves outside the agreements) each party's liability in £ by name under every agreement (mean, P(overspend &gt; £0), P(above the named
/// threshold)), the bad-case exposure over the horizon and per year (each labelled), and the paired
/// differences between agreements on the same futures with 95% intervals and a plain reading.
/// </summary>
public static class FinanceHtml
{
    /// <summary>The section's HTML; <paramref name="charts"/> are placed under their pool by file name (liability_POOL.svg).</summary>
    public static string Section(MarketScenario scenario, OutcomeSummary summary, RiskShareComparison riskShare, IEnumerable<EntitySummary> entities,
        IReadOnlyList<ScenarioAssumption> assumptions, IEnumerable<(string File, string Caption, XElement Svg)> charts)
    {
        var labels = new OutcomeLabels(scenario);
        var horizon = SummarySentences.Horizon(scenario);
        var html = new StringBuilder("<h2 id=\"finance\">Finance</h2>\n");
        Commissioners(html, scenario, summary, [.. entities.Where(s => s.Block.Kind == EntityKind.Commissioner)], horizon);
        var chartList = charts.ToList();
        for (var p = 0; p < scenario.PooledBudgets.Length; p++)
        {
            var pool = scenario.PooledBudgets[p];
            var lines = riskShare.Lines.Where(l => l.Pool.Id == pool.Id).ToList();
            if (lines.Count == 0)
            {
                continue;
            }
            var threshold = assumptions.FirstOrDefault(a => a.Path == $"pooled_budgets[{p}].threshold_gbp");
            Pool(html, scenario, pool, lines, riskShare, labels, horizon, threshold);
            foreach (var (file, caption, svg) in chartList.Where(c => c.File == $"liability_{pool.Id}.svg"))
            {
                Figure(html, file, $"{pool.Name}: each party's liability over the {horizon} under each agreement (box P25 to P75, line at the median, whiskers P5 to P95).", svg);
            }
        }
        if (scenario.PooledBudgets.Length == 0)
        {
            html.Append("<p class=\"muted\">This scenario has no pooled budget, so there is no risk share to compare.</p>\n");
        }
        return html.ToString();
    }

    /// <summary>"P(liability &gt; £1.00m)" and the sentence saying what that threshold is and where it comes from.</summary>
    public static (string Header, string Text) Threshold(PooledBudgetSpec pool, ScenarioAssumption? assumption, string horizon)
    {
        var amount = Quantity.Money(pool.ThresholdGbp);
        var origin = assumption is null
            ? "MarketSim's default, as the scenario file sets no threshold for this pool"
            : $"the threshold the scenario file sets for this pool (source: {assumption.Source})";
        return ($"P(liability > {amount})", $"The threshold is a liability of {amount} over the {horizon}: {origin}.");
    }

    /// <summary>
    /// For a pool phased in (<c>phasing</c>), the sentence saying how much of which years' activity runs
    /// as aligned budgets outside every agreement, so that a capped partner can pay beyond its cap;
    /// null for a pool pooled in full from the start.
    /// </summary>
    public static string? Phasing(PooledBudgetSpec pool, int horizonWeeks)
    {
        var years = new List<string>();
        var numbers = new List<int>();
        for (var start = 0; start < horizonWeeks; start += MarketScenario.WeeksPerYear)
        {
            var weeks = Math.Min(MarketScenario.WeeksPerYear, horizonWeeks - start);
            var aligned = 1 - Enumerable.Range(start, weeks).Average(pool.PooledShare);
            if (aligned > 1e-9)
            {
                var year = (start / MarketScenario.WeeksPerYear) + 1;
                numbers.Add(year);
                years.Add(years.Count == 0 ? $"{Quantity.Share(aligned)} of year {year}'s activity" : $"{Quantity.Share(aligned)} of year {year}'s");
            }
        }
        if (years.Count == 0)
        {
            return null;
        }
        var after = pool.PhasingFullByWeek > horizonWeeks ? ", after the horizon" : "";
        var capped = pool.ModelsOrDefault.Any(m => m.Overspend == OverspendRule.CappedExposure);
        var inYears = $"{(numbers.Count == 1 ? "year" : "years")} {WordList.And([.. numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))])}";
        return $"Pooling is phased in: the pool's share of the activity rises from {Quantity.Share(pool.PhasingStartShare)} at the start to all of it by week {pool.PhasingFullByWeek}{after}. "
            + $"Until then the rest runs as aligned budgets, which each partner bears in full whatever the agreement: on average {WordList.And(years)}"
            + (capped ? $", so a partner's liability in {inYears} can exceed its cap under a capped agreement." : ".");
    }

    private static void Commissioners(StringBuilder html, MarketScenario scenario, OutcomeSummary summary, List<EntitySummary> commissioners, string horizon)
    {
        if (commissioners.Count == 0)
        {
            return;
        }
        var unmet = commissioners.Any(s => s.Metric("unmet_need_cost_gbp").Mean != 0);
        html.Append("<h3>Each commissioner's spend over the ").Append(E(horizon)).Append("</h3>\n");
        Header(html, ["Commissioner", "Spend (mean ± SE)", "Overspend (mean ± SE; negative: underspend)", "P(overspend > £0) ± SE", "Overspend P5", "Overspend P95",
            .. unmet ? new[] { "Cost of unmet need borne (mean ± SE)", "Spend plus cost of unmet need (mean ± SE)" } : []]);
        string[] money = ["spend_gbp", "overspend_gbp", .. unmet ? new[] { "unmet_need_cost_gbp", "whole_system_cost_gbp" } : []];
        var footing = Footing.Of(commissioners.SelectMany(s => money.SelectMany(m => new[] { s.Metric(m).Mean, s.Metric(m).StdError, s.Metric(m).P5, s.Metric(m).P95 }).Select(x => (x, "GBP"))));
        foreach (var s in commissioners)
        {
            var spend = s.Metric("spend_gbp");
            var over = s.Metric("overspend_gbp");
            var column = summary.Schema.IndexOf($"overspend_gbp__{s.Block.Id}");
            var sorted = summary.SortedValues(column) ?? [];
            var chance = new Proportion(sorted.Count(x => x > 0), sorted.Count);
            var cells = new List<string>
            {
                E(s.Block.Name), E(MoneySe(spend.Mean, spend.StdError, footing)), E(MoneySe(over.Mean, over.StdError, footing)),
                E($"{Quantity.Share(chance.P)} ± {Quantity.Share(chance.StdError)}"), E(footing.Format(over.P5, "GBP")), E(footing.Format(over.P95, "GBP")),
            };
            if (unmet)
            {
                var cost = s.Metric("unmet_need_cost_gbp");
                var whole = s.Metric("whole_system_cost_gbp");
                cells.Add(E(MoneySe(cost.Mean, cost.StdError, footing)));
                cells.Add(E(MoneySe(whole.Mean, whole.StdError, footing)));
            }
            Row(html, [.. cells]);
        }
        html.Append("</table>\n");
    }

    /// <summary>
    /// What the agreements that keep part of a contribution out of the pool (a scaled contribution, a contingency) put in,
    /// in the first year, one sentence for the agreements that keep the same: "Under "Dorset rule" and "…", Dorset CCG
    /// puts £17.35m of its £18.00m into the pool and keeps £0.65m, in the first year."
    /// </summary>
    private static IEnumerable<string> KeptOutOfThePool(PooledBudgetSpec pool, OutcomeLabels labels) =>
        pool.ModelsOrDefault
            .Select(model => (model.Name, Kept: string.Join("; ", pool.Partners.Select((p, i) =>
            {
                var contribution = p.ContributionGbpPerYear;
                var into = model.Scaling?.Partner == i ? contribution * model.Scaling.Factor : contribution - (model.ContingencyGbp?[i] ?? 0);
                return into == contribution ? null
                    : $"{labels.PartyName(pool, p.CommissionerId)} puts {Pounds(into)} of its {Pounds(contribution)} into the pool and keeps {Pounds(contribution - into, contribution)}";
            }).OfType<string>())))
            .Where(m => m.Kept.Length > 0)
            .GroupBy(m => m.Kept)
            .Select(g => $"Under {WordList.And([.. g.Select(m => $"\"{m.Name}\"")])}, {g.Key}, in the first year.");

    /// <summary>
    /// Pounds to the nearest £10k in millions ("£17.35m", which the seeds' figures need), else to the pound or thousand;
    /// a part of <paramref name="whole"/> of £1m or more is in millions too from £10k, so that the parts read as adding up
    /// to it ("£17.35m of its £18.00m … keeps £0.65m", not "£655k").
    /// </summary>
    private static string Pounds(double gbp, double whole = 0) => Math.Abs(gbp) switch
    {
        >= 1e6 => FormattableString.Invariant($"£{gbp / 1e6:0.00}m"),
        >= 1e4 when Math.Abs(whole) >= 1e6 => FormattableString.Invariant($"£{gbp / 1e6:0.00}m"),
        >= 1e4 => FormattableString.Invariant($"£{gbp / 1e3:0}k"),
        _ => FormattableString.Invariant($"£{gbp:N0}"),
    };

    private static void Pool(StringBuilder html, MarketScenario scenario, PooledBudgetSpec pool, List<RiskShareComparison.Line> lines, RiskShareComparison riskShare,
        OutcomeLabels labels, string horizon, ScenarioAssumption? thresholdAssumption)
    {
        var years = scenario.HorizonWeeks / (double)MarketScenario.WeeksPerYear;
        var (thresholdHeader, thresholdText) = Threshold(pool, thresholdAssumption, horizon);
        var contributions = string.Join("; ", pool.Partners.Select(p => $"{labels.PartyName(pool, p.CommissionerId)} {Pounds(p.ContributionGbpPerYear)}"));
        html.Append("<h3>").Append(E(pool.Name)).Append(": risk share</h3>\n<p>Contributions in the first year: ").Append(E(contributions))
            .Append(". A party's liability is what it pays beyond its contribution, summed over the ").Append(E(horizon))
            .Append(" (negative: a saving). Every agreement is applied to the same simulated futures. ").Append(E(thresholdText));
        if (Phasing(pool, scenario.HorizonWeeks) is { } phasing)
        {
            html.Append(' ').Append(E(phasing));
        }
        foreach (var kept in KeptOutOfThePool(pool, labels))
        {
            html.Append(' ').Append(E(kept));
        }
        html.Append("</p>\n");

        var shown = lines.Where(l => !(l.Liability.Min == 0 && l.Liability.Max == 0)).ToList();
        var liabilities = Footing.Of(shown.SelectMany(l => new[] { l.Liability.Mean, l.Liability.StdError }).Select(x => (x, "GBP")));
        Header(html, "Agreement", "Who pays", $"Liability over the {horizon} (mean ± SE)", "P(liability > £0) ± SE", $"{thresholdHeader} ± SE");
        foreach (var l in shown)
        {
            var n = Math.Max(1, l.Liability.Count);
            var over = new Proportion(l.RunsWithLiability, n);
            var above = new Proportion(l.AboveThreshold, n);
            Row(html, E(l.ModelName), E(labels.PartyName(pool, l.Party)), E(MoneySe(l.Liability.Mean, l.Liability.StdError, liabilities)),
                E($"{Quantity.Share(over.P)} ± {Quantity.Share(over.StdError)}"), E($"{Quantity.Share(above.P)} ± {Quantity.Share(above.StdError)}"));
        }
        html.Append("</table>\n");
        SummaryHtml.Line(html, "Always zero in these runs", [.. lines.Except(shown).Select(l => $"{labels.PartyName(pool, l.Party)} under {l.ModelName}")]);

        html.Append("<h4>Bad-case exposure: over the ").Append(E(horizon)).Append(" and per year</h4>\n")
            .Append("<p class=\"muted\">VaR 95% is the 95th percentile of the liability (P95): it is exceeded in 1 future in 20. CVaR 95% is the mean of the worst 5% of futures. ")
            .Append("The per-year columns divide the horizon figure by ").Append(E(years.ToString("0.##", CultureInfo.InvariantCulture)))
            .Append(" years: an average, not a per-year VaR. The worst-single-year columns are per-year figures from per-year values: the VaR and CVaR of each future's largest one-year liability.</p>\n");
        Header(html, "Agreement", "Who pays", $"VaR 95% over the {horizon}", $"CVaR 95% over the {horizon}", "VaR 95% per year (horizon ÷ years, an average)",
            "CVaR 95% per year (horizon ÷ years, an average)", "Worst single year: VaR 95%", "Worst single year: CVaR 95%");
        var exposure = Footing.Of(shown.SelectMany(l => new[] { l.ValueAtRisk, l.ConditionalValueAtRisk, l.ValueAtRisk / years, l.ConditionalValueAtRisk / years, l.WorstYearValueAtRisk, l.WorstYearConditionalValueAtRisk })
            .Select(x => (x, "GBP")));
        string Money(double x) => exposure.Format(x, "GBP");
        foreach (var l in shown)
        {
            Row(html, E(l.ModelName), E(labels.PartyName(pool, l.Party)), E(Money(l.ValueAtRisk)), E(Money(l.ConditionalValueAtRisk)),
                E(Money(l.ValueAtRisk / years)), E(Money(l.ConditionalValueAtRisk / years)),
                E(Money(l.WorstYearValueAtRisk)), E(Money(l.WorstYearConditionalValueAtRisk)));
        }
        html.Append("</table>\n");
        Differences(html, pool, riskShare, labels, horizon);
    }

    private static void Differences(StringBuilder html, PooledBudgetSpec pool, RiskShareComparison riskShare, OutcomeLabels labels, string horizon)
    {
        var models = pool.ModelsOrDefault;
        if (models.Length < 2)
        {
            return;
        }
        var reference = models[0];
        html.Append("<h4>Paired differences between agreements</h4>\n<p class=\"muted\">A − B: each partner's liability under agreement A, \"")
            .Append(E(reference.Name)).Append("\" (the scenario's first agreement), minus its liability under agreement B, future by future on the same simulated futures, summed over the ")
            .Append(E(horizon)).Append(", as in risk_share_differences.csv, which has every pair of agreements; the 95% interval is the mean ± 1.96 standard errors of the paired differences.</p>\n");
        Header(html, "Partner", "Agreement A", "Agreement B", "A − B: A's liability minus B's (mean)", "95% interval", "Reading");
        var pairs = pool.Partners.SelectMany(partner => models.Skip(1).Select(model =>
            (partner, model, Paired: riskShare.Paired(pool.Id, model.Id, reference.Id, partner.CommissionerId)))).ToList();
        var footing = Footing.Of(pairs.SelectMany(p => new[] { p.Paired.MeanGbp, p.Paired.MeanGbp - (RunningMoments.Z95 * p.Paired.StdErrorGbp), p.Paired.MeanGbp + (RunningMoments.Z95 * p.Paired.StdErrorGbp) })
            .Select(x => (x, "GBP")));
        foreach (var (partner, model, (mean, se, _)) in pairs)
        {
            var name = labels.PartyName(pool, partner.CommissionerId);
            var half = RunningMoments.Z95 * se;
            Row(html, E(name), E(reference.Name), E(model.Name), E(footing.Format(mean, "GBP", signed: true)),
                E($"{footing.Format(mean - half, "GBP", signed: true)} to {footing.Format(mean + half, "GBP", signed: true)}"),
                E(SummarySentences.PairedReading(name, reference.Name, model.Name, mean, se, horizon, footing) + "."));
        }
        html.Append("</table>\n");
    }

    private static string MoneySe(double mean, double se, Footing footing) => footing.PlusMinus(mean, se, "GBP");
}
