using MarketSim.Grains.Scenario;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>Readers of the market's parties: zones with their demand and package distributions, providers and commissioners.</summary>
public static partial class ScenarioLoader
{
    private sealed partial class Reader
    {
        private ZoneSpec? ReadZone(YamlFields f)
        {
            var id = ReadId(f);
            var name = ReadName(f) ?? id;
            var demand = f.Object("demand", fieldsOf: d => ReadDemand(d)) is { } d ? ReadDemand(d) : null;
            f.RejectUnknown();
            return id is null || demand is null ? null : new ZoneSpec(id, name!, demand);
        }

        private DemandSpec? ReadDemand(YamlFields f)
        {
            var caseload = f.Integer("starting_caseload_people", 0, 10_000_000, "a whole number of people ≥ 0");
            var referrals = f.Number("weekly_referrals_people", 0, 1e6, "a number of people a week ≥ 0");
            var growth = f.Number("annual_growth", -0.5, 1, "a yearly growth rate from -0.5 to 1 (0.02 = 2% a year)", required: false) ?? 0;
            var (amplitude, peak) = f.Object("winter", required: false, fieldsOf: w => ReadWinter(w)) is { } w ? ReadWinter(w) : (0, 0);
            var hours = f.Object("weekly_hours", allowed: DistributionAllowed(12, 9.5, 6)) is { } h ? ReadDistribution(h, "hours a week") : null;
            var length = f.Object("package_length_weeks", allowed: DistributionAllowed(52, 60, 40)) is { } l ? ReadDistribution(l, "weeks") : null;
            var mix = f.Object("funding_mix", fieldsOf: m => ReadFundingMix(m)) is { } m ? ReadFundingMix(m) : null;
            f.RejectUnknown();
            if (caseload is null || referrals is null || hours is null || length is null || mix is null)
            {
                return null;
            }
            return new DemandSpec(caseload.Value, referrals.Value, growth, amplitude, peak, hours, length, mix);
        }

        private static (double Amplitude, int PeakWeekOfYear) ReadWinter(YamlFields w)
        {
            var amplitude = w.Number("amplitude", 0, 0.99, "a fraction from 0 to 0.99 (0.1 = ±10% around the mean)") ?? 0;
            var peak = w.Integer("peak_week_of_year", 0, 51, "a calendar week from 0 (first week of January) to 51", required: false) ?? 1;
            w.RejectUnknown();
            return (amplitude, peak);
        }

        /// <summary>What a distribution field allows, with examples of a fixed value and of a spread around a mean.</summary>
        internal static string DistributionAllowed(double fixedMean, double mean, double sd) =>
            FormattableString.Invariant($"a distribution such as {{ distribution: fixed, mean: {fixedMean} }} or {{ distribution: gamma, mean: {mean}, sd: {sd} }}");

        private static Distribution? ReadDistribution(YamlFields f, string unit)
        {
            var kinds = new Dictionary<string, DistributionKind>
            {
                ["fixed"] = DistributionKind.Fixed,
                ["exponential"] = DistributionKind.Exponential,
                ["gamma"] = DistributionKind.Gamma,
                ["lognormal"] = DistributionKind.LogNormal,
            };
            var kind = f.Choice("distribution", kinds);
            var mean = f.Number("mean", 0, 1e6, $"a number > 0 ({unit})", exclusiveMin: true);
            var needsSd = kind is null or DistributionKind.Gamma or DistributionKind.LogNormal;
            var sd = f.Number("sd", 0, 1e6, $"a standard deviation > 0 ({unit})", required: needsSd && kind is not null, exclusiveMin: true);
            if (!needsSd && f.Node("sd", false) is { } sdNode)
            {
                f.Report(sdNode, f.PathOf("sd"), $"'sd' is not used by the {kind!.Value.ToString().ToLowerInvariant()} distribution; allowed: sd only with gamma or lognormal");
            }
            f.RejectUnknown();
            return kind is null || mean is null || (sd is null && kind is DistributionKind.Gamma or DistributionKind.LogNormal)
                ? null
                : new Distribution(kind.Value, mean.Value, sd ?? 0);
        }

        private static double[]? ReadFundingMix(YamlFields f)
        {
            var shares = FundingStreams.Names
                .Select(n => (Given: f.Node(n, required: false) is not null, Value: f.Number(n, 0, 1, "a share from 0 to 1; the four shares sum to 1, so they cannot be uncertain", required: false, fixedOnly: true)))
                .ToArray();
            f.RejectUnknown();
            if (shares.Any(s => s.Given && s.Value is null))
            {
                return null;
            }
            var values = shares.Select(s => s.Value ?? 0).ToArray();
            var sum = values.Sum();
            if (Math.Abs(sum - 1) > 1e-9)
            {
                f.Report($"shares sum to {sum:0.######}; allowed: shares that sum to 1 ({string.Join(" + ", FundingStreams.Names)})");
                return null;
            }
            return values;
        }

        private static ProviderSpec? ReadProvider(YamlFields f, List<string> zoneIds, ProviderDefaults defaults)
        {
            var id = ReadId(f);
            var name = ReadName(f) ?? id;
            var role = f.Choice("role", Roles);
            var zones = ReadZoneList(f, zoneIds, "the provider would serve no one");
            var capacity = f.Number("capacity_weekly_hours", 0, 1e7, "a number of care hours a week ≥ 0");
            var rate = f.Number("rate_gbp_per_hour", 0, 1000, "a rate in pounds an hour > 0", exclusiveMin: true);
            var (workforce, costs, failure, ok) = ReadProviderDynamics(f, defaults);
            f.RejectUnknown();
            return id is null || role is null || zones is null || capacity is null || rate is null || !ok
                ? null
                : new ProviderSpec(id, name!, role.Value, zones, capacity.Value, rate.Value, workforce, costs, failure);
        }

        /// <summary>A <c>zones</c> list of zone ids, or the word all; <paramref name="ifEmpty"/> says what an empty list would mean. Null when it is wrong, or optional and absent.</summary>
        private static string[]? ReadZoneList(YamlFields f, List<string> zoneIds, string ifEmpty, bool required = true)
        {
            var allowed = $"a list of one or more zone ids ({string.Join(", ", zoneIds)}), or the word all";
            var node = f.Node("zones", required, allowed);
            if (node is null)
            {
                return null;
            }
            if (node is YamlScalarNode { Value: "all" })
            {
                return [.. zoneIds];
            }
            if (node is YamlScalarNode { Value: var text })
            {
                f.Report(node, f.PathOf("zones"), $"'{text}' is not a list of zones; allowed: {allowed}");
                return null;
            }
            if (node is YamlSequenceNode { Children.Count: 0 })
            {
                f.Report(node, f.PathOf("zones"), $"empty list, so {ifEmpty}; allowed: {allowed}");
                return null;
            }
            var items = f.List("zones", allowed: allowed);
            if (zoneIds.Count == 0)
            {
                return null;
            }
            var result = new List<string>();
            var ok = node is YamlSequenceNode;
            foreach (var (itemNode, itemPath) in items)
            {
                var id = (itemNode as YamlScalarNode)?.Value ?? "";
                if (zoneIds.Contains(id))
                {
                    if (result.Contains(id))
                    {
                        f.Report(itemNode, itemPath, $"'{id}' is listed twice; allowed: each zone once");
                        ok = false;
                    }
                    else
                    {
                        result.Add(id);
                    }
                    continue;
                }
                f.Report(itemNode, itemPath, $"unknown zone '{id}'{DidYouMean.Allowed(id, zoneIds, $"{string.Join(", ", zoneIds)}, or the word all")}");
                ok = false;
            }
            return ok ? [.. result] : null;
        }

        private static CommissionerSpec? ReadCommissioner(YamlFields f)
        {
            var id = ReadId(f);
            var name = ReadName(f) ?? id;
            var funds = new List<FundingStream>();
            var fundsOk = true;
            foreach (var (itemNode, itemPath) in f.List("funds"))
            {
                var text = (itemNode as YamlScalarNode)?.Value ?? "";
                if (Streams.TryGetValue(text, out var s) && s != FundingStream.SelfFunder)
                {
                    if (funds.Contains(s))
                    {
                        fundsOk = false;
                        f.Report(itemNode, itemPath, $"'{text}' given twice; allowed: each stream once");
                        continue;
                    }
                    funds.Add(s);
                    continue;
                }
                fundsOk = false;
                f.Report(itemNode, itemPath, $"'{text}' cannot be funded by a commissioner{DidYouMean.Allowed(text, Funded, string.Join(", ", Funded))}");
            }
            const string budgetsAllowed = "one budget in pounds for each model year from the start, such as [14500000, 15200000] (the last repeats)";
            var reported = f.Problems.Count;
            var budgets = f.List("annual_budgets_gbp", allowed: budgetsAllowed)
                .Select(b => f.NumberAt(b.Node, b.Path, 0, 1e12, "a budget in pounds ≥ 0"))
                .ToList();
            if (budgets.Count == 0 && f.Problems.Count == reported)
            {
                f.Report(f.Node("annual_budgets_gbp", false), f.PathOf("annual_budgets_gbp"), $"empty list; allowed: {budgetsAllowed}");
                fundsOk = false;
            }
            f.RejectUnknown();
            return id is null || !fundsOk || budgets.Count == 0 || budgets.Contains(null)
                ? null
                : new CommissionerSpec(id, name!, [.. funds], [.. budgets.Select(b => b!.Value)]);
        }
    }
}
