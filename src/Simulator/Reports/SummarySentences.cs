using System.Globalization;
using MarketSim.Grains.Failure;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Statistics;
using MarketSim.Grains.Zones;
using MarketSim.Simulator.Drivers;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The results in plain sentences with numbers, for the top of report.html and the end of
/// <c>marketsim run</c>: which provider is most likely to leave, which zone to lose its lead, how much
/// need goes unmet, each commissioner's and pool's chance of overspending, each partner's bad-case
/// liability under the agreements and the paired difference between them. Each sentence says what it
/// covers (the horizon) and its uncertainty (± one standard error, or a 95% interval) in the unit of the figure it qualifies.
/// </summary>
public static class SummarySentences
{
    /// <summary>The sentences, in report order; the first says what the figures cover.</summary>
    public static IReadOnlyList<string> For(MarketScenario scenario, OutcomeSummary summary, IReadOnlyList<EntitySummary> entities,
        RiskShareComparison riskShare, IReadOnlyList<OutcomeDrivers>? drivers = null)
    {
        var horizon = Horizon(scenario);
        var labels = new OutcomeLabels(scenario);
        var sentences = new List<string>
        {
            $"These figures cover {summary.Runs.ToString("N0", CultureInfo.InvariantCulture)} simulated futures of the {horizon} from {scenario.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}; ± is one Monte Carlo standard error and intervals are 95%.",
        };
        sentences.AddRange(Providers(entities, summary, horizon));
        sentences.AddRange(Zones(entities, horizon));
        sentences.Add(UnmetNeed(scenario, summary, horizon));
        sentences.AddRange(Commissioners(scenario, summary, horizon));
        sentences.AddRange(Pools(scenario, summary, riskShare, labels, horizon));
        if (drivers is { Count: > 0 } && Driver(scenario, drivers, labels) is { } driver)
        {
            sentences.Add(driver);
        }
        return sentences;
    }

    /// <summary>"5-year horizon", "2-year horizon", or "30-week horizon" when the horizon is not whole years.</summary>
    public static string Horizon(MarketScenario scenario) => Horizon(scenario, withWeeks: false);

    /// <summary>
    /// <see cref="Horizon(MarketScenario)"/> with its length in weeks when that says something new: "5-year horizon (260 weeks)",
    /// but "78-week horizon", not "78-week horizon (78 weeks)".
    /// </summary>
    public static string Horizon(MarketScenario scenario, bool withWeeks) =>
        scenario.HorizonWeeks % MarketScenario.WeeksPerYear != 0 ? $"{scenario.HorizonWeeks}-week horizon"
        : $"{scenario.HorizonWeeks / MarketScenario.WeeksPerYear}-year horizon" + (withWeeks ? $" ({scenario.HorizonWeeks} weeks)" : "");

    /// <summary>A cause of exit as a noun phrase that reads after any provider's name, singular or plural: "hand-back of contracts", "failure when reserves ran out".</summary>
    public static string Cause(ExitReason cause) => cause switch
    {
        ExitReason.HandBack => "hand-back of contracts",
        ExitReason.ReservesExhausted => "failure when reserves ran out",
        ExitReason.Hazard => "failure from a cause outside the model",
        ExitReason.ForcedExit => "a forced exit",
        _ => "no exit",
    };

    /// <summary>The model year (from 1) in which most of a provider's exits happen.</summary>
    public static int PeakYear(ProviderExits exits)
    {
        var best = 1;
        var most = -1.0;
        for (var y = 0; y < exits.ByYear.Length; y++)
        {
            var added = exits.ByYear[y].Any.P - (y > 0 ? exits.ByYear[y - 1].Any.P : 0);
            if (added > most + 1e-12)
            {
                most = added;
                best = exits.ByYear[y].Year;
            }
        }
        return best;
    }

    /// <summary>Whether the chance <paramref name="other"/> is within two standard errors of their difference of <paramref name="top"/> (the runs taken as independent): no reason, at this precision, to call the top one riskier.</summary>
    private static bool WithinTwoStandardErrors(Proportion top, Proportion other) =>
        top.P - other.P <= 2 * Math.Sqrt((top.StdError * top.StdError) + (other.StdError * other.StdError));

    /// <summary>Up to three names, then how many more: "ASP 1, ASP 2, ASP 3 and 7 others".</summary>
    private static string Named(IReadOnlyList<string> names) =>
        WordList.And(names.Count <= 4 ? names : [.. names.Take(3), $"{names.Count - 3:N0} others"]);

    private static IEnumerable<string> Providers(IReadOnlyList<EntitySummary> entities, OutcomeSummary summary, string horizon)
    {
        var providers = entities.Where(s => s.Exits is { ByYear.Length: > 0 }).ToList();
        if (providers.Count == 0)
        {
            yield break;
        }
        var leaving = providers.Where(s => s.Exits!.WithinHorizon.Count > 0).OrderByDescending(s => s.Exits!.WithinHorizon.P).ToList();
        if (leaving.Count == 0)
        {
            yield return $"No provider left the market in any future over the {horizon}.";
            yield break;
        }
        var top = leaving[0];
        var p = top.Exits!.WithinHorizon;
        var asLikely = leaving.Skip(1).Where(s => WithinTwoStandardErrors(p, s.Exits!.WithinHorizon)).ToList();
        var others = leaving.Skip(1).Except(asLikely).Count(s => s.Exits!.WithinHorizon.P >= 0.1);
        yield return $"In {OfFutures(p)} the market loses {top.Block.Name} within the {horizon}, most often by {Cause(top.Exits.MostCommonCause)}, most often in year {PeakYear(top.Exits)}"
            + (asLikely.Count > 0 ? $"; at this precision (two standard errors) {Named([.. asLikely.Select(s => s.Block.Name)])} {(asLikely.Count == 1 ? "is" : "are")} as likely to leave" : "")
            + (others > 0 ? $"; {others} other {(others == 1 ? "provider leaves" : "providers leave")} in at least 10% of futures." : ".");
        var failures = summary.Moments[OutcomeSchema.ProviderFailures];
        var handBacks = summary.Moments[OutcomeSchema.HandBacks];
        yield return (handBacks.Max > 0, failures.Max > 0) switch
        {
            (false, false) => $"No provider handed back its contracts or failed in any future over the {horizon}.",
            (false, true) => $"No provider handed back its contracts in any future over the {horizon}; on average {Numbers.Readable(failures.Mean)} providers fail (± {Numbers.Readable(failures.StdError)} providers).",
            (true, false) => $"On average {Numbers.Readable(handBacks.Mean)} providers hand back their contracts (± {Numbers.Readable(handBacks.StdError)} providers) over the {horizon}; no provider failed in any future.",
            _ => $"On average {Numbers.Readable(handBacks.Mean)} providers hand back their contracts (± {Numbers.Readable(handBacks.StdError)} providers) and {Numbers.Readable(failures.Mean)} providers fail (± {Numbers.Readable(failures.StdError)} providers) over the {horizon}.",
        };
    }

    private static IEnumerable<string> Zones(IReadOnlyList<EntitySummary> entities, string horizon)
    {
        var zones = entities.Where(s => s.LosesLead is not null).ToList();
        if (zones.Count == 0)
        {
            yield break;
        }
        var losing = zones.Where(s => s.LosesLead!.Count > 0).OrderByDescending(s => s.LosesLead!.P).ToList();
        if (losing.Count == 0)
        {
            yield return $"No zone was left without its lead provider in any future over the {horizon}.";
            yield break;
        }
        var top = losing[0];
        var weeks = top.Metric(ZoneMetrics.All[ZoneMetrics.WeeksWithoutLead].Name);
        var (least, most) = (Quantity.Share(losing[^1].LosesLead!.P), Quantity.Share(top.LosesLead!.P));
        var range = losing.Count > 1
            ? $" {(losing.Count == zones.Count ? $"All {zones.Count}" : $"{losing.Count} of the {zones.Count}")} zones lose their lead in some future, in {(least == most ? $"{most} of futures each" : $"{least} to {most} of futures")}."
            : "";
        var (whenLost, whenLostError) = WhenItHappens.Of(weeks, top.LosesLead!.Count);
        yield return $"{top.Block.Name} is left without its lead provider at some point in {OfFutures(top.LosesLead!)}; in those futures it is without one for {Numbers.Readable(whenLost)} weeks of the {horizon} on average (± {Numbers.Readable(whenLostError)} weeks), and averaged over all futures for {Numbers.Readable(weeks.Mean)} weeks (± {Numbers.Readable(weeks.StdError)} weeks).{range}";
    }

    private static string UnmetNeed(MarketScenario scenario, OutcomeSummary summary, string horizon)
    {
        var unmet = summary.Moments[OutcomeSchema.UnmetHours];
        if (unmet.Max <= 0)
        {
            return $"No need went unmet in any future over the {horizon}.";
        }
        var delivered = summary.Moments[OutcomeSchema.DeliveredHours].Mean;
        var share = unmet.Mean / (unmet.Mean + delivered);
        var hours = Footing.Of([(unmet.Mean, "hours"), (unmet.StdError, "hours")]);
        var text = $"Unmet need averages {hours.Format(unmet.Mean, "hours")} care hours over the {horizon} (± {hours.Format(unmet.StdError, "hours")} hours), {(share < 0.001 ? "under 0.1%" : Quantity.Share(share))} of need";
        if (scenario.UnmetNeed is not { } valued)
        {
            return text + "; the scenario does not value it, so spend alone understates its cost.";
        }
        var cost = summary.Moments[OutcomeSchema.UnmetNeedCost];
        var money = Footing.Of([(cost.Mean, "GBP"), (cost.StdError, "GBP")]);
        return text + $"; valued at {Quantity.Format(valued.CostGbpPerHour, "GBP per hour")} an hour it costs {money.Format(cost.Mean, "GBP")} (± {money.Format(cost.StdError, "GBP")}).";
    }

    private static IEnumerable<string> Commissioners(MarketScenario scenario, OutcomeSummary summary, string horizon)
    {
        foreach (var c in scenario.Commissioners)
        {
            var column = summary.Schema.IndexOf($"overspend_gbp__{c.Id}");
            if (summary.SortedValues(column) is not { Count: > 0 } sorted || c.AnnualBudgetsGbp.All(b => b == 0))
            {
                continue;
            }
            var over = Chance(sorted, 0);
            var m = summary.Moments[column];
            yield return $"The budgets of {c.Name} over the {horizon} are overspent in {OfFutures(over)}; {OnAverage(m, "spending")}.";
        }
    }

    private static IEnumerable<string> Pools(MarketScenario scenario, OutcomeSummary summary, RiskShareComparison riskShare, OutcomeLabels labels, string horizon)
    {
        foreach (var pool in scenario.PooledBudgets)
        {
            var column = summary.Schema.IndexOf($"pool_overspend_gbp__{pool.Id}");
            if (summary.SortedValues(column) is { Count: > 0 } sorted)
            {
                var over = Chance(sorted, 0);
                var m = summary.Moments[column];
                yield return $"The {pool.Name} overspends over the {horizon} in {OfFutures(over)}; {OnAverage(m, "it")}.";
            }
            foreach (var partner in pool.Partners)
            {
                var lines = riskShare.Lines.Where(l => l.Pool.Id == pool.Id && l.Party == partner.CommissionerId && l.Liability.Count > 0).ToList();
                if (lines.Count < 2)
                {
                    continue;
                }
                var name = labels.PartyName(pool, partner.CommissionerId);
                var best = lines.MinBy(l => l.ValueAtRisk)!;
                var worst = lines.MaxBy(l => l.ValueAtRisk)!;
                var (low, high) = QuantileInterval.Of(best.SortedValues, RiskShareComparison.Alpha);
                var bestValue = Quantity.Money(best.ValueAtRisk);
                var interval = $"(95% interval {Quantity.Money(low)} to {Quantity.Money(high)})";
                var same = best.ValueAtRisk == worst.ValueAtRisk ? "the same" : "about the same";
                yield return bestValue == Quantity.Money(worst.ValueAtRisk)
                    ? $"For {name} the bad-case liability (95th percentile over the {horizon}) is {same} under every agreement, {bestValue} {interval}."
                    : $"For {name} the bad-case liability (95th percentile over the {horizon}) is lowest under {Agreements(lines, best.ValueAtRisk)}, {bestValue} {interval}, and highest under {Agreements(lines, worst.ValueAtRisk)}, {Quantity.Money(worst.ValueAtRisk)}.";
                var cheapest = lines.MinBy(l => l.Liability.Mean)!;
                var dearest = lines.Where(l => l.ModelId != cheapest.ModelId).MaxBy(l => l.Liability.Mean)!;
                var (mean, se, _) = riskShare.Paired(pool.Id, cheapest.ModelId, dearest.ModelId, partner.CommissionerId);
                yield return PairedReading(name, dearest.ModelName, cheapest.ModelName, mean, se, horizon) + " (the widest gap between agreements, on the same futures).";
            }
        }
    }

    /// <summary>The agreements whose bad-case liability prints as <paramref name="valueAtRisk"/> does: "\"A\"", or "\"A\" and \"B\"" for a tie.</summary>
    private static string Agreements(IEnumerable<RiskShareComparison.Line> lines, double valueAtRisk) =>
        WordList.And([.. lines.Where(l => Quantity.Money(l.ValueAtRisk) == Quantity.Money(valueAtRisk)).Select(l => $"\"{l.ModelName}\"")]);

    /// <summary>
    /// "Under B the liability of Dorset County Council is £0.40m higher over the 2-year horizon (95% interval £0.30m to
    /// £0.50m) than under A": a paired difference B − A of <paramref name="meanGbp"/> with standard error <paramref name="stdErrorGbp"/>,
    /// worded to read after any partner's name, singular or plural, its figures on one footing (£3.28k beside −£29.6k, not £3,278),
    /// that of the table it stands in when <paramref name="footing"/> is given.
    /// </summary>
    public static string PairedReading(string partner, string modelB, string modelA, double meanGbp, double stdErrorGbp, string horizon, Footing? footing = null)
    {
        var half = RunningMoments.Z95 * stdErrorGbp;
        footing ??= Footing.Of([(meanGbp, "GBP"), (meanGbp - half, "GBP"), (meanGbp + half, "GBP")]);
        var interval = $"95% interval {footing.Format(meanGbp - half, "GBP", signed: true)} to {footing.Format(meanGbp + half, "GBP", signed: true)}";
        if (meanGbp == 0 && stdErrorGbp == 0)
        {
            return $"Under \"{modelB}\" the liability of {partner} over the {horizon} is exactly the same as under \"{modelA}\" in every future";
        }
        var more = meanGbp >= 0 ? "higher" : "lower";
        var clear = meanGbp - half > 0 || meanGbp + half < 0 ? "" : ", a difference the runs cannot tell from zero";
        return $"Under \"{modelB}\" the liability of {partner} is {footing.Format(Math.Abs(meanGbp), "GBP")} {more} over the {horizon} ({interval}) than under \"{modelA}\"{clear}";
    }

    private static string? Driver(MarketScenario scenario, IReadOnlyList<OutcomeDrivers> drivers, OutcomeLabels labels)
    {
        var d = drivers.FirstOrDefault(x => x.Outcome.Name == "unmet_hours_total") ?? drivers[0];
        if (d.Result.Tornado.Count == 0)
        {
            return null;
        }
        var top = d.Result.Tornado[0];
        var outcome = labels.InSentence(d.Outcome);
        var when = outcome.EndsWith("over the horizon", StringComparison.Ordinal) ? "" : " over the horizon";
        return string.Create(CultureInfo.InvariantCulture,
            $"Of the uncertain inputs, {d.InputLabel(top.Name, scenario)} moves {outcome} most{when} (standardised rank-regression coefficient {top.Srrc:+0.00;−0.00}, 95% interval {top.SrrcInterval.Low:+0.00;−0.00} to {top.SrrcInterval.High:+0.00;−0.00}; {Quantity.Share(top.ContributionToVariance)} of its rank variance).");
    }

    /// <summary>
    /// "on average it ends £3.49m over budget (± £373k)", with <paramref name="subject"/> for "it" ("spending" where the name
    /// before it may be plural), or "under budget" for a negative mean overspend, so that no sentence overspends by a negative amount.
    /// </summary>
    private static string OnAverage(RunningMoments overspend, string subject)
    {
        var money = Footing.Of([(overspend.Mean, "GBP"), (overspend.StdError, "GBP")]);
        return $"on average {subject} ends {money.Format(Math.Abs(overspend.Mean), "GBP")} {(overspend.Mean >= 0 ? "over" : "under")} budget (± {money.Format(overspend.StdError, "GBP")})";
    }

    /// <summary>
    /// "60% of futures (± 3.5%)"; at 0% or 100%, where the standard error is 0 although the runs cannot rule the other
    /// outcome out, the 95% Wilson interval instead: "100% of futures (95% interval 98% to 100%)".
    /// </summary>
    private static string OfFutures(Proportion p) =>
        p.Count == 0 || p.Count == p.Runs
            ? $"{Quantity.Share(p.P)} of futures (95% interval {Quantity.Share(p.Low95)} to {Quantity.Share(p.High95)})"
            : $"{Quantity.Share(p.P)} of futures (± {Quantity.Share(p.StdError)})";

    private static Proportion Chance(IReadOnlyList<double> sorted, double above) => new(sorted.Count(x => x > above), sorted.Count);
}
