using MarketSim.Grains.Scenario;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>Readers of the market-dynamics sections: economy, workforce, costs, failure, rates, self-funders, shocks, dynamic purchasing.</summary>
public static partial class ScenarioLoader
{
    private static readonly Dictionary<string, UpliftPolicy> Policies = new()
    {
        ["fixed"] = UpliftPolicy.Fixed,
        ["cpi_linked"] = UpliftPolicy.CpiLinked,
        ["nlw_linked"] = UpliftPolicy.NlwLinked,
        ["budget_capped"] = UpliftPolicy.BudgetCapped,
    };

    private static readonly Dictionary<string, bool> YesNo = new() { ["true"] = true, ["false"] = false };

    internal static readonly Dictionary<string, ShockKind> ShockKinds = new()
    {
        ["wage"] = ShockKind.Wage,
        ["demand_surge"] = ShockKind.DemandSurge,
        ["provider_exit"] = ShockKind.ProviderExit,
        ["rate_freeze"] = ShockKind.RateFreeze,
    };

    private sealed partial class Reader
    {
        private static EconomySpec? ReadEconomy(YamlFields f)
        {
            var path = f.List("nlw_gbp_per_hour")
                .Select(n => f.NumberAt(n.Node, n.Path, 0, 1000, "an hourly National Living Wage in pounds > 0", exclusiveMin: true))
                .ToList();
            if (path.Count == 0 && f.Node("nlw_gbp_per_hour", false) is YamlSequenceNode empty)
            {
                f.Report(empty, f.PathOf("nlw_gbp_per_hour"), "empty list; allowed: the NLW for each model year from the start, at least one");
            }
            var growth = f.Number("nlw_growth_after_path", -0.5, 1, "a yearly growth rate from -0.5 to 1", required: false) ?? 0;
            var volatility = f.Number("nlw_volatility", 0, 1, "a standard deviation from 0 to 1 (0 follows the path exactly)", required: false) ?? 0;
            var (cpiRate, cpiVolatility) = f.Object("cpi", required: false, fieldsOf: c => ReadCpi(c)) is { } cpi ? ReadCpi(cpi) : (0, 0);
            var margin = f.Number("outside_wage_margin_gbp_per_hour", -100, 100, "pounds an hour above (or below) the NLW", required: false) ?? 0;
            f.RejectUnknown();
            return path.Count == 0 || path.Contains(null)
                ? null
                : new EconomySpec([.. path.Select(p => p!.Value)], growth, volatility, cpiRate, cpiVolatility, margin);
        }

        private static (double AnnualRate, double Volatility) ReadCpi(YamlFields cpi)
        {
            var rate = cpi.Number("annual_rate", -0.5, 1, "a yearly inflation rate from -0.5 to 1 (0.02 = 2%)") ?? 0;
            var volatility = cpi.Number("volatility", 0, 1, "a standard deviation from 0 to 1", required: false) ?? 0;
            cpi.RejectUnknown();
            return (rate, volatility);
        }

        /// <summary>Reads a workforce block; fields left out take the values of <paramref name="inherit"/> (provider_defaults), if any.</summary>
        private static WorkforceSpec? ReadWorkforce(YamlFields f, WorkforceSpec? inherit = null, bool inheritFailed = false)
        {
            var required = inherit is null && !inheritFailed;
            var hours = f.Number("contact_hours_per_worker_per_week", 0, 80, "contact hours a week > 0 and ≤ 80", required, exclusiveMin: true) ?? inherit?.ContactHoursPerWorkerPerWeek;
            var turnover = f.Number("annual_turnover", 0, 0.99, "a share of workers leaving a year, from 0 to 0.99 (home care: about 0.3)", required) ?? inherit?.AnnualTurnover;
            var elasticity = f.Number("recruitment_wage_elasticity", 0, 100, "a number ≥ 0", required: false) ?? inherit?.RecruitmentWageElasticity ?? 0;
            var gapWeeks = f.Number("gap_closing_weeks", 0, 520, "weeks > 0", required: false, exclusiveMin: true) ?? inherit?.GapClosingWeeks ?? 13;
            var startShare = f.Number("starting_share", 0, 1, "a share from 0 to 1 of the target workforce in post at the start", required: false) ?? inherit?.StartingShare ?? 1;
            var recruiting = f.Choice("recruiting", YesNo, required: false) ?? inherit?.Recruiting ?? true;
            var overtime = f.Number("overtime_share", 0, 1, "a share of capacity from 0 to 1 (0.1 = 10% overtime before packages are returned)", required: false) ?? inherit?.OvertimeShare ?? 0.1;
            f.RejectUnknown();
            return hours is null || turnover is null ? null : new WorkforceSpec(hours.Value, turnover.Value, elasticity, gapWeeks, startShare, recruiting, overtime);
        }

        /// <summary>Reads a costs block; fields left out take the values of <paramref name="inherit"/>, if any.</summary>
        private static CostSpec? ReadCosts(YamlFields f, CostSpec? inherit = null, bool inheritFailed = false)
        {
            var required = inherit is null && !inheritFailed;
            var premium = f.Number("wage_premium_over_nlw_gbp_per_hour", -5, 50, "pounds an hour above the NLW, from -5 to 50", required) ?? inherit?.WagePremiumOverNlwGbpPerHour;
            var travel = f.Number("travel_hours_per_contact_hour", 0, 2, "paid travel hours per contact hour, from 0 to 2", required) ?? inherit?.TravelHoursPerContactHour;
            var onCosts = f.Number("on_costs_fraction", 0, 2, "a share of wages from 0 to 2 (0.25 = 25%)", required) ?? inherit?.OnCostsFraction;
            var mileage = f.Number("mileage_gbp_per_contact_hour", 0, 50, "pounds per contact hour ≥ 0", required: false) ?? inherit?.MileageGbpPerContactHour ?? 0;
            var running = f.Number("running_costs_gbp_per_hour", 0, 200, "pounds per contact hour ≥ 0", required: false) ?? inherit?.RunningCostsGbpPerHour ?? 0;
            var fixedShare = f.Number("running_costs_fixed_share", 0, 1, "a share of running costs from 0 to 1 that does not fall with hours", required: false) ?? inherit?.RunningCostsFixedShare ?? 0;
            var otherHours = f.Number("other_work_hours_per_capacity_hour", 0, 20, "hours of other work a week per hour a week of capacity, from 0 to 20", required: false) ?? inherit?.OtherWorkHoursPerCapacityHour ?? 0;
            var otherSd = f.Number("other_work_hours_sd", 0, 20, "a standard deviation ≥ 0 of other_work_hours_per_capacity_hour between providers and futures (0: all at the mean)", required: false) ?? inherit?.OtherWorkHoursSd ?? 0;
            var otherPersistence = f.Number("other_work_persistence", 0, 1, "a year-to-year correlation from 0 to 1 of the log of other_work_hours_per_capacity_hour (1: drawn once for the run)", required: false) ?? inherit?.OtherWorkPersistence ?? 1;
            var otherMargin = f.Number("other_work_margin_on_cost", 0, 2, "a margin over cost from 0 to 2 (0.2 = priced at cost × 1.2)", required: false) ?? inherit?.OtherWorkMarginOnCost ?? 0;
            f.RejectUnknown();
            return premium is null || travel is null || onCosts is null
                ? null
                : new CostSpec(premium.Value, travel.Value, onCosts.Value, mileage, running, fixedShare, otherHours, otherMargin, otherSd, otherPersistence);
        }

        /// <summary>Reads a failure block; fields left out take the values of <paramref name="inherit"/>, if any.</summary>
        private static FailureSpec? ReadFailure(YamlFields f, FailureSpec? inherit = null)
        {
            var d = inherit ?? FailureSpec.None with { NoticeWeeks = 4 };
            var reserves = f.Number("reserves_gbp", 0, 1e12, "reserves in pounds ≥ 0 (leave out for unlimited)", required: false) ?? d.ReservesGbp;
            var hazard = f.Number("hazard_per_year", 0, 10, "a yearly hazard from 0 to 10 (0.05 ≈ 5% a year)", required: false) ?? d.HazardPerYear;
            var handBack = f.Integer("hand_back_after_weeks_below_cost", 0, 10_000, "whole weeks ≥ 0 (0: never hands back)", required: false) ?? d.HandBackAfterWeeksBelowCost;
            var notice = f.Integer("notice_weeks", 0, 520, "whole weeks from 0 to 520", required: false) ?? d.NoticeWeeks;
            var (embargoHazard, embargoWeeks) = f.Object("embargo", required: false, fieldsOf: e => ReadEmbargo(e)) is { } e ? ReadEmbargo(e) : (d.EmbargoHazardPerYear, d.EmbargoWeeks);
            f.RejectUnknown();
            return new FailureSpec(reserves, hazard, handBack, notice, embargoHazard, embargoWeeks);
        }

        private static (double HazardPerYear, int Weeks) ReadEmbargo(YamlFields e)
        {
            var hazard = e.Number("hazard_per_year", 0, 10, "a yearly hazard from 0 to 10") ?? 0;
            var weeks = e.Integer("weeks", 1, 520, "whole weeks from 1 to 520") ?? 0;
            e.RejectUnknown();
            return (hazard, weeks);
        }

        private static RateSettingSpec? ReadRateSetting(YamlFields f, List<string> commissionerIds)
        {
            var policy = f.Choice("policy", Policies);
            var basePolicy = UpliftPolicy.Fixed;
            string? commissioner = null;
            if (policy == UpliftPolicy.BudgetCapped)
            {
                basePolicy = f.Choice("base", Policies.Where(p => p.Value != UpliftPolicy.BudgetCapped).ToDictionary()) ?? UpliftPolicy.Fixed;
            }
            var percent = 0.0;
            var followed = policy == UpliftPolicy.BudgetCapped ? basePolicy : policy;
            if (followed is UpliftPolicy.CpiLinked or UpliftPolicy.NlwLinked && f.Node("percent", false) is { } ignored)
            {
                var name = Policies.First(p => p.Value == followed).Key;
                var follows = followed == UpliftPolicy.CpiLinked ? "follows CPI" : "follows the NLW";
                f.Report(ignored, f.PathOf("percent"), $"only for policy fixed (or budget_capped with base: fixed); {name} {follows}; allowed: leave it out");
            }
            else
            {
                percent = f.Number("percent", -50, 100, "an uplift in percent a year, from -50 to 100", required: policy == UpliftPolicy.Fixed) ?? 0;
            }
            if (policy is null)
            {
                // A missing or misspelt policy is the one mistake: the fields of the policy meant are not unknown.
                _ = (f.Node("base", false), f.Node("commissioner", false));
            }
            if (policy == UpliftPolicy.BudgetCapped)
            {
                commissioner = f.Text("commissioner", allowed: $"the id of the commissioner whose budget caps the uplift ({string.Join(", ", commissionerIds)})");
                if (commissioner is not null && !commissionerIds.Contains(commissioner))
                {
                    ReportUnknown(f, "commissioner", "commissioner", commissioner, commissionerIds);
                    return null;
                }
            }
            f.RejectUnknown();
            return policy is null ? null : new RateSettingSpec(policy.Value, percent, basePolicy, commissioner);
        }

        private static SelfFunderSpec? ReadSelfFunders(YamlFields f)
        {
            var premium = f.Number("rate_premium", 0, 5, "a premium over the council rate from 0 to 5 (0.25 = 25% more)", required: false) ?? 0;
            var savings = f.Object("savings_gbp", required: false, DistributionAllowed(60000, 60000, 40000)) is { } s ? ReadDistribution(s, "pounds") : null;
            var threshold = f.Number("capital_threshold_gbp", 0, 1e7, "pounds ≥ 0 (England's upper capital limit: 23250)", required: false) ?? 23_250;
            var ok = f.Node("savings_gbp", false) is null || savings is not null;
            f.RejectUnknown();
            return ok ? new SelfFunderSpec(premium, savings, threshold) : null;
        }

        private static ShockSpec? ReadShock(YamlFields f, List<string> providerIds, List<string> zoneIds)
        {
            var kind = f.Choice("type", ShockKinds);
            var week = f.Integer("week", 0, 100_000, "a week from 0 (the first) onwards");
            var weeks = 1;
            double size = 0;
            string? provider = null;
            string[]? zones = null;
            var ok = true;
            switch (kind)
            {
                case null:
                    // A missing or misspelt type is the one mistake: the fields of the type meant are not unknown.
                    _ = (f.Node("increase", false), f.Node("multiplier", false), f.Node("weeks", false), f.Node("zones", false), f.Node("provider", false));
                    break;
                case ShockKind.Wage:
                    size = f.Number("increase", -0.5, 2, "a rise in care wages from -0.5 to 2 (0.1 = 10%)") ?? 0;
                    weeks = int.MaxValue / 2;
                    break;
                case ShockKind.DemandSurge:
                    size = f.Number("multiplier", 0, 20, "a factor on referrals from 0 to 20 (1.3 = 30% more)") ?? 1;
                    weeks = f.Integer("weeks", 1, 100_000, "whole weeks ≥ 1") ?? 1;
                    zones = ReadZoneList(f, zoneIds, "the surge would raise no zone's referrals", required: false);
                    ok = zones is not null || f.Node("zones", false) is null;
                    break;
                case ShockKind.RateFreeze:
                    weeks = f.Integer("weeks", 1, 100_000, "whole weeks ≥ 1 (a freeze covering a year start skips that uplift)") ?? 1;
                    break;
                case ShockKind.ProviderExit:
                    provider = f.Text("provider", allowed: $"the id of the provider that leaves ({string.Join(", ", providerIds)})");
                    if (provider is not null && !providerIds.Contains(provider))
                    {
                        ReportUnknown(f, "provider", "provider", provider, providerIds);
                        provider = null;
                    }
                    break;
            }
            f.RejectUnknown();
            return kind is null || week is null || !ok || (kind == ShockKind.ProviderExit && provider is null)
                ? null
                : new ShockSpec(kind.Value, week.Value, weeks, size, provider, zones is null || zones.Length == zoneIds.Count ? null : zones);
        }

        /// <summary>Reads dynamic purchasing; the entrants' workforce block, like a provider's, takes the fields it leaves out from provider_defaults.</summary>
        private static DynamicPurchasingSpec? ReadDynamicPurchasing(YamlFields f, ProviderDefaults defaults)
        {
            var delay = f.Integer("join_delay_weeks", 0, 520, "whole weeks from 0 to 520");
            var share = f.Number("capacity_share", 0, 5, "the entrant's capacity as a share of the leaver's, > 0", required: false, exclusiveMin: true) ?? 1;
            var workforce = f.Object("workforce", required: false, fieldsOf: w => ReadWorkforce(w, null, true)) is { } w ? ReadWorkforce(w, defaults.Workforce, defaults.Failed.Contains("workforce")) : null;
            var ok = f.Node("workforce", false) is null || workforce is not null;
            f.RejectUnknown();
            return delay is null || !ok ? null : new DynamicPurchasingSpec(delay.Value, share, workforce);
        }

        /// <summary>A provider's workforce, costs and failure blocks: its own fields over those of provider_defaults.</summary>
        private static (WorkforceSpec? Workforce, CostSpec? Costs, FailureSpec? Failure, bool Ok) ReadProviderDynamics(YamlFields f, ProviderDefaults defaults)
        {
            var ok = true;
            T? Block<T>(string key, Func<YamlFields, T?, bool, T?> read, T? inherited, bool inheritFailed)
                where T : class
            {
                if (f.Object(key, required: false, fieldsOf: b => read(b, null, true)) is not { } block)
                {
                    return inherited;
                }
                var value = read(block, inherited, inheritFailed);
                ok &= value is not null;
                return value;
            }
            var workforce = Block("workforce", ReadWorkforce, defaults.Workforce, defaults.Failed.Contains("workforce"));
            var costs = Block("costs", ReadCosts, defaults.Costs, defaults.Failed.Contains("costs"));
            var failure = Block("failure", (block, inherited, _) => ReadFailure(block, inherited), defaults.Failure, defaults.Failed.Contains("failure"));
            return (workforce, costs, failure, ok);
        }

        private static ProviderDefaults ReadProviderDefaults(YamlFields? f)
        {
            if (f is null)
            {
                return new ProviderDefaults(null, null, null, []);
            }
            var failed = new List<string>();
            T? Block<T>(string key, Func<YamlFields, T?, bool, T?> read)
                where T : class
            {
                if (f.Object(key, required: false, fieldsOf: b => read(b, null, true)) is not { } block)
                {
                    return null;
                }
                var value = read(block, null, false);
                if (value is null)
                {
                    failed.Add(key);
                }
                return value;
            }
            var workforce = Block<WorkforceSpec>("workforce", ReadWorkforce);
            var costs = Block<CostSpec>("costs", ReadCosts);
            var failure = Block<FailureSpec>("failure", (block, inherited, _) => ReadFailure(block, inherited));
            f.RejectUnknown();
            return new ProviderDefaults(workforce, costs, failure, failed);
        }

        private sealed record ProviderDefaults(WorkforceSpec? Workforce, CostSpec? Costs, FailureSpec? Failure, List<string> Failed);
    }
}
