using MarketSim.Grains.RiskShare;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>Readers of a pooled budget's risk-share agreements (see docs/scenario-format.md).</summary>
public static partial class ScenarioLoader
{
    private static readonly Dictionary<string, OverspendRule> OverspendRules = new()
    {
        ["proportional"] = OverspendRule.Proportional,
        ["fixed_shares"] = OverspendRule.FixedShares,
        ["aligned"] = OverspendRule.Aligned,
        ["capped"] = OverspendRule.CappedExposure,
        ["tiered"] = OverspendRule.Tiered,
        ["lead_bears_all"] = OverspendRule.LeadBearsAll,
    };

    /// <summary>The fields only one type of agreement reads, with that type.</summary>
    private static readonly (string Field, string Type)[] FieldsOfOneType =
        [("shares", "fixed_shares"), ("caps", "capped"), ("backstop", "capped"), ("tiers", "tiered"), ("lead", "lead_bears_all")];

    private static readonly Dictionary<string, UnderspendRule> UnderspendRules = new()
    {
        ["same_split"] = UnderspendRule.SameSplit,
        ["weighted"] = UnderspendRule.Weighted,
        ["retained"] = UnderspendRule.Retained,
    };

    private sealed partial class Reader
    {
        /// <summary>
        /// A percentage cap is bounded at 1,000 (ten times the contribution), past any agreement's: a larger number is
        /// most likely a cap in pounds written in the percent field.
        /// </summary>
        private const string PercentOfContributionAllowed =
            "a cap as a percentage of the partner's contribution in each year (pro rata in a part year), from 0 to 1,000 (ten times the contribution; a larger number is most likely a cap in pounds, written gbp: N)";

        private const string CapAllowed = "{ gbp: N } (pounds a year) or { percent_of_contribution: P } (percent of the partner's contribution, 10 for 10%)";

        private static RiskShareSpec? ReadRiskShare(YamlFields f, List<string> partners)
        {
            var id = ReadId(f);
            var name = ReadName(f) ?? id;
            var rule = f.Choice("type", OverspendRules);
            var ok = id is not null && rule is not null;
            double[]? shares = null;
            (double[] Gbp, double[] ShareOfContribution)? caps = null;
            Tier[]? tiers = null;
            var partner = 0;
            switch (rule)
            {
                case OverspendRule.FixedShares:
                    shares = f.Object("shares", allowed: SharesAllowed(partners)) is { } s ? ReadShares(s, partners) : null;
                    ok &= shares is not null;
                    break;
                case OverspendRule.CappedExposure:
                    caps = f.Object("caps", allowed: $"{{ PARTNER: CAP }} for each capped partner ({Named(partners)}), a CAP being {CapAllowed}") is { } c ? ReadCaps(c, partners) : null;
                    partner = PartnerIndex(f, "backstop", partners) ?? -1;
                    ok &= caps is not null && partner >= 0 && !BackstopIsCapped(f, caps.Value, partner, partners);
                    break;
                case OverspendRule.Tiered:
                    tiers = ReadTiers(f, partners);
                    ok &= tiers is not null;
                    break;
                case OverspendRule.LeadBearsAll:
                    partner = PartnerIndex(f, "lead", partners) ?? -1;
                    ok &= partner >= 0;
                    break;
            }
            var (underspend, favoured, favouredShare, underOk) = ReadUnderspend(f, partners);
            ok &= underOk;
            if (underspend == UnderspendRule.Weighted)
            {
                partner = rule == OverspendRule.Proportional || rule == OverspendRule.FixedShares || rule == OverspendRule.Tiered ? favoured : partner;
                if (rule is OverspendRule.CappedExposure or OverspendRule.LeadBearsAll && partner >= 0 && favoured != partner)
                {
                    f.Report(f.Node("underspend", false), f.PathOf("underspend"), "a weighted underspend must favour the same partner as the backstop or lead of this agreement; allowed: that partner, or same_split");
                    ok = false;
                }
            }
            var contingency = f.Object("contingency_gbp", required: false, $"{{ PARTNER: N }} (pounds a year) for each partner that keeps a contingency ({Named(partners)})") is { } cg ? ReadAmounts(cg, partners, "a contingency in pounds a year ≥ 0") : null;
            ok &= f.Node("contingency_gbp", false) is null || contingency is not null;
            var scaling = f.Object("contribution_scaling", required: false, fieldsOf: sc => ReadScaling(sc, partners)) is { } sc ? ReadScaling(sc, partners) : null;
            ok &= f.Node("contribution_scaling", false) is null || scaling is not null;
            var gainLoss = f.Object("gain_loss", required: false, fieldsOf: gl => ReadGainLoss(gl)) is { } gl ? ReadGainLoss(gl) : null;
            ok &= f.Node("gain_loss", false) is null || gainLoss is not null;
            var performance = f.Object("payment_for_performance", required: false, fieldsOf: pf => ReadPerformance(pf, partners)) is { } pf ? ReadPerformance(pf, partners) : null;
            ok &= f.Node("payment_for_performance", false) is null || performance is not null;
            if (rule == OverspendRule.Aligned && (gainLoss is not null || underspend != UnderspendRule.SameSplit))
            {
                f.Report("aligned budgets cannot be combined with gain_loss or an underspend rule; allowed: underspend same_split and no gain_loss");
                ok = false;
            }
            ok &= !RejectFieldsOfOtherTypes(f, rule);
            f.RejectUnknown();
            return ok
                ? new RiskShareSpec(id!, name!, rule!.Value, underspend, shares, caps?.Gbp, partner, favouredShare, tiers, contingency, scaling, gainLoss, performance, caps?.ShareOfContribution)
                : null;
        }

        /// <summary>
        /// Reports each field of another type of agreement than <paramref name="rule"/> (caps on a proportional
        /// agreement) as such, rather than as an unknown field; true when there was one.
        /// </summary>
        private static bool RejectFieldsOfOtherTypes(YamlFields f, OverspendRule? rule)
        {
            if (rule is null)
            {
                // A missing or misspelt type is the one mistake: the fields of the type meant are not unknown.
                foreach (var (field, _) in FieldsOfOneType)
                {
                    _ = f.Node(field, false);
                }
                return false;
            }
            var type = OverspendRules.First(r => r.Value == rule).Key;
            var found = false;
            foreach (var (field, owner) in FieldsOfOneType.Where(x => x.Type != type))
            {
                if (f.Node(field, false) is { } node)
                {
                    f.Report(node, f.PathOf(field), $"only for type {owner}, and this agreement's type is {type}; allowed: leave it out, or type: {owner}");
                    found = true;
                }
            }
            return found;
        }

        private static int? PartnerIndex(YamlFields f, string key, List<string> partners, bool required = true)
        {
            var who = f.Text(key, required, $"a partner of this pool ({Named(partners)})");
            if (who is null)
            {
                return null;
            }
            var index = partners.IndexOf(who);
            if (index < 0 && !AllNamed(partners))
            {
                return null;
            }
            if (index < 0)
            {
                f.Report(f.Node(key, false), f.PathOf(key), $"'{who}' is not a partner of this pool{DidYouMean.Allowed(who, partners, string.Join(", ", partners))}");
                return null;
            }
            return index;
        }

        /// <summary>
        /// Whether the pool has partners and every one has a valid id. When one has not, its mistake is already
        /// reported, and a reference to it further down (its cap, its share) is not reported again under another
        /// name; nor is every partner an agreement names when the pool lists none (a missing or empty `partners`).
        /// </summary>
        private static bool AllNamed(List<string> partners) => partners.Count > 0 && !partners.Contains("");

        /// <summary>The pool's partners with a valid id, for a message's "allowed".</summary>
        private static string Named(List<string> partners) => string.Join(", ", partners.Where(p => p.Length > 0));

        private static string SharesAllowed(List<string> partners) =>
            $"{{ PARTNER: share, … }}, a share from 0 to 1 for each partner ({Named(partners)}; one left out has 0), the shares summing to 1";

        /// <summary>
        /// Reports the keys of a mapping by partner that name no partner, as <see cref="PartnerIndex"/> does, unless a
        /// partner's own id is the mistake; returns whether there was one.
        /// </summary>
        private static bool RejectUnknownPartners(YamlFields f, List<string> partners) =>
            AllNamed(partners) && f.RejectUnknown(who => $"'{who}' is not a partner of this pool{DidYouMean.Allowed(who, partners, string.Join(", ", partners))}");

        /// <summary>Reports a cap on the backstop partner, who pays whatever the capped partners cannot, so that a cap on it would hold no one to it.</summary>
        private static bool BackstopIsCapped(YamlFields f, (double[] Gbp, double[] ShareOfContribution) caps, int backstop, List<string> partners)
        {
            if (backstop < 0 || (double.IsPositiveInfinity(caps.Gbp[backstop]) && double.IsPositiveInfinity(caps.ShareOfContribution[backstop])))
            {
                return false;
            }
            var who = partners[backstop];
            var capsNode = f.Child(f.Node("caps", false), f.PathOf("caps"));
            var node = capsNode?.Node(who, false) ?? f.Node("backstop", false);
            f.Report(node, $"{f.PathOf("caps")}.{who}", $"{who} is the backstop, which pays whatever the capped partners cannot, so it cannot have a cap itself; allowed: caps on the other partners only, and no cap for {who}");
            return true;
        }

        /// <summary>A mapping of partner id to a number; partners left out get 0.</summary>
        private static double[]? ReadAmounts(YamlFields f, List<string> partners, string allowed, double max = 1e12)
        {
            var values = new double[partners.Count];
            var ok = true;
            foreach (var (i, who) in partners.Index().Where(p => p.Item.Length > 0))
            {
                var given = f.Node(who, required: false) is not null;
                var value = f.Number(who, 0, max, allowed, required: false);
                ok &= !given || value is not null;
                values[i] = value ?? 0;
            }
            ok &= !RejectUnknownPartners(f, partners);
            return ok ? values : null;
        }

        private static double[]? ReadShares(YamlFields f, List<string> partners)
        {
            var shares = ReadAmounts(f, partners, "a share from 0 to 1; the shares sum to 1", 1);
            if (shares is not null && AllNamed(partners) && Math.Abs(shares.Sum() - 1) > 1e-9)
            {
                f.Report($"shares sum to {shares.Sum():0.######}; allowed: shares that sum to 1 ({string.Join(" + ", partners)})");
                return null;
            }
            return shares;
        }

        /// <summary>Caps in pounds a year and as a share of each year's contribution; infinity where a partner has none of that kind.</summary>
        private static (double[] Gbp, double[] ShareOfContribution)? ReadCaps(YamlFields f, List<string> partners)
        {
            var caps = Enumerable.Repeat(double.PositiveInfinity, partners.Count).ToArray();
            var shares = Enumerable.Repeat(double.PositiveInfinity, partners.Count).ToArray();
            var ok = true;
            foreach (var (i, who) in partners.Index().Where(p => p.Item.Length > 0))
            {
                if (f.Object(who, required: false, CapAllowed) is not { } cap)
                {
                    continue;
                }
                var hasAmount = cap.Node("gbp", false) is not null;
                var hasPercent = cap.Node("percent_of_contribution", false) is not null;
                var amount = cap.Number("gbp", 0, 1e12, "a cap in pounds a year ≥ 0", required: false);
                var percent = cap.Number("percent_of_contribution", 0, 1000, PercentOfContributionAllowed, required: false);
                cap.RejectUnknown();
                if (hasAmount == hasPercent)
                {
                    cap.Report($"{(hasAmount ? "both gbp and percent_of_contribution are" : "neither gbp nor percent_of_contribution is")} given; allowed: exactly one of gbp or percent_of_contribution");
                    ok = false;
                }
                ok &= (!hasAmount || amount is not null) && (!hasPercent || percent is not null);
                caps[i] = amount ?? double.PositiveInfinity;
                shares[i] = percent is { } p ? p / 100 : double.PositiveInfinity;
            }
            ok &= !RejectUnknownPartners(f, partners);
            return ok ? (caps, shares) : null;
        }

        private static Tier[]? ReadTiers(YamlFields f, List<string> partners)
        {
            var allowed = $"a list of bands {{ up_to_gbp: N, shares: {{ PARTNER: share, … }} }} in increasing order of overspend, the last without up_to_gbp; the shares of each band from 0 to 1 for the partners ({Named(partners)}), summing to 1";
            var reported = f.Problems.Count;
            var items = f.List("tiers", allowed: allowed);
            var tiers = new List<Tier>();
            var ok = items.Count > 0;
            if (items.Count == 0 && f.Problems.Count == reported && f.Node("tiers", false) is { } empty)
            {
                f.Report(empty, f.PathOf("tiers"), $"empty list; allowed: {allowed}");
            }
            var lower = 0.0;
            foreach (var (i, (node, path)) in items.Index())
            {
                // The last entry of the list, whether or not those before it read: it alone leaves out up_to_gbp.
                var last = i == items.Count - 1;
                if (f.Child(node, path, fieldsOf: t => ReadTier(t, partners, last)) is not { } t)
                {
                    ok = false;
                    continue;
                }
                var (upTo, shares) = ReadTier(t, partners, last);
                if (last && upTo is not null)
                {
                    t.Report(t.Node("up_to_gbp", false), t.PathOf("up_to_gbp"), "the last band has an upper edge, so a larger overspend would be split by no band; allowed: leave out up_to_gbp on the last band");
                    ok = false;
                }
                if (upTo is not null && upTo <= lower)
                {
                    t.Report(t.Node("up_to_gbp", false), t.PathOf("up_to_gbp"), $"overlapping tier bands: {upTo} is not above the previous band's edge {lower}; allowed: edges in increasing order");
                    ok = false;
                }
                if (upTo is null && !last)
                {
                    ok = false;
                }
                ok &= shares is not null;
                lower = upTo ?? lower; // a band whose edge is missing or wrong (reported) is not also an edge the next must clear
                tiers.Add(new Tier(upTo ?? double.PositiveInfinity, shares ?? []));
            }
            return ok ? [.. tiers] : null;
        }

        /// <summary>A band's upper edge (required but on the <paramref name="last"/> band) and shares.</summary>
        private static (double? UpToGbp, double[]? Shares) ReadTier(YamlFields t, List<string> partners, bool last)
        {
            var upTo = t.Number("up_to_gbp", 0, 1e12, "the band's upper edge in pounds of overspend, above the band before it (leave out on the last band)", required: !last);
            var shares = t.Object("shares", allowed: SharesAllowed(partners)) is { } s ? ReadShares(s, partners) : null;
            t.RejectUnknown();
            return (upTo, shares);
        }

        private static (UnderspendRule Rule, int Favoured, double Share, bool Ok) ReadUnderspend(YamlFields f, List<string> partners)
        {
            var node = f.Node("underspend", required: false);
            if (node is null)
            {
                return (UnderspendRule.SameSplit, 0, 0, true);
            }
            if (node is YamlScalarNode scalar)
            {
                var text = scalar.Value ?? "";
                if (!UnderspendRules.TryGetValue(text, out var rule))
                {
                    f.Report(node, f.PathOf("underspend"), $"'{text}' is not allowed{DidYouMean.Allowed(text, UnderspendRules.Keys, UnderspendAllowed(partners))}");
                    return (UnderspendRule.SameSplit, 0, 0, false);
                }
                if (rule == UnderspendRule.Weighted)
                {
                    f.Report(node, f.PathOf("underspend"), "a weighted underspend needs a partner and a share; allowed: { rule: weighted, partner: ID, share: 0.7 }");
                    return (UnderspendRule.SameSplit, 0, 0, false);
                }
                return (rule, 0, 0, true);
            }
            if (node is not YamlMappingNode)
            {
                f.Report(node, f.PathOf("underspend"), $"expected a rule or a mapping of fields, found a list; allowed: {UnderspendAllowed(partners)}");
                return (UnderspendRule.SameSplit, 0, 0, false);
            }
            return ReadUnderspendRule(f.Child(node, f.PathOf("underspend"))!, partners);
        }

        /// <summary>What an underspend may be: a rule's name, or a mapping with its rule (and a weighted rule's partner and share).</summary>
        private static string UnderspendAllowed(List<string> partners) =>
            $"same_split, retained, or {YamlFields.FieldsRead(u => ReadUnderspendRule(u, partners))}, such as {{ rule: weighted, partner: ID, share: 0.7 }}";

        private static (UnderspendRule Rule, int Favoured, double Share, bool Ok) ReadUnderspendRule(YamlFields u, List<string> partners)
        {
            var r = u.Choice("rule", UnderspendRules);
            int? favoured = 0;
            double? share = 0;
            if (r == UnderspendRule.Weighted)
            {
                favoured = PartnerIndex(u, "partner", partners);
                share = u.Number("share", 0, 1, "the partner's share of an underspend, from 0 to 1");
            }
            else if (r is null)
            {
                // A misspelt rule is the one mistake: the fields of the rule meant are not unknown.
                _ = (u.Node("partner", false), u.Node("share", false));
            }
            u.RejectUnknown();
            return (r ?? UnderspendRule.SameSplit, favoured ?? 0, share ?? 0, r is not null && favoured is not null && share is not null);
        }

        private static ContributionScaling? ReadScaling(YamlFields f, List<string> partners)
        {
            var partner = PartnerIndex(f, "partner", partners);
            var budget = f.Number("reference_budget_gbp", 0, 1e12, "the reference partner's budget in pounds > 0", exclusiveMin: true);
            var outturn = f.Number("reference_outturn_gbp", 0, 1e12, "the reference partner's out-turn in pounds > 0", exclusiveMin: true);
            // The partner whose budget and out-turn B and O are: it names where the figures come from, and the
            // scaling does not use it, but a wrong id or the scaled partner itself is a mistake to report.
            var reference = PartnerIndex(f, "reference_partner", partners, required: false);
            if (reference is not null && reference == partner)
            {
                f.Report(f.Node("reference_partner", false), f.PathOf("reference_partner"), $"'{partners[reference.Value]}' is the partner being scaled; allowed: another partner of this pool, whose budget and out-turn reference_budget_gbp and reference_outturn_gbp are");
            }
            f.RejectUnknown();
            return partner is null || budget is null || outturn is null ? null : new ContributionScaling(partner.Value, budget.Value, outturn.Value);
        }

        private static GainLossSharing? ReadGainLoss(YamlFields f)
        {
            var expected = f.Number("expected_spend_gbp", 0, 1e12, "expected spend in pounds a year ≥ 0 (leave out for the pool's contributions)", required: false);
            var share = f.Number("provider_share", 0, 1, "providers' share of the gain or loss, from 0 to 1");
            var cap = f.Number("cap_gbp", 0, 1e12, "the most providers can lose a year, in pounds ≥ 0 (leave out for no cap)", required: false) ?? double.PositiveInfinity;
            var collar = f.Number("collar_gbp", 0, 1e12, "the most providers can gain a year, in pounds ≥ 0 (leave out for no collar)", required: false) ?? double.PositiveInfinity;
            f.RejectUnknown();
            return share is null ? null : new GainLossSharing(expected, share.Value, cap, collar);
        }

        private static PaymentForPerformance? ReadPerformance(YamlFields f, List<string> partners)
        {
            var payer = PartnerIndex(f, "payer", partners);
            var recipient = PartnerIndex(f, "recipient", partners);
            var pot = f.Number("pot_gbp", 0, 1e12, "the pot in pounds a year ≥ 0");
            var baseline = f.Number("baseline_waiting_people", 0, 1e7, "the mean waiting list (people) that counts as 0% achieved");
            var target = f.Number("target_waiting_people", 0, 1e7, "the mean waiting list (people) that counts as 100% achieved, below the baseline");
            f.RejectUnknown();
            if (payer is not null && payer == recipient)
            {
                f.Report(f.Node("recipient", false), f.PathOf("recipient"), $"'{partners[payer.Value]}' is also the payer; allowed: another partner of this pool ({string.Join(", ", partners.Where((p, i) => i != payer && p.Length > 0))})");
                return null;
            }
            if (baseline is not null && target is not null && target >= baseline)
            {
                f.Report(f.Node("target_waiting_people", false), f.PathOf("target_waiting_people"), $"{target} is not below the baseline {baseline}; allowed: a target below the baseline");
                return null;
            }
            return payer is null || recipient is null || pot is null || baseline is null || target is null
                ? null
                : new PaymentForPerformance(payer.Value, recipient.Value, pot.Value, baseline.Value, target.Value);
        }
    }
}
