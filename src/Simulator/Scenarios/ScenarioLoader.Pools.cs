using MarketSim.Grains.Scenario;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>The reader of pooled budgets: partners, contributions, phasing, threshold and agreements.</summary>
public static partial class ScenarioLoader
{
    private sealed partial class Reader
    {
        private static PooledBudgetSpec? ReadPool(YamlFields f, List<string> known)
        {
            var id = ReadId(f);
            var name = ReadName(f) ?? id;
            var partners = new List<PoolPartnerSpec?>();
            var partnerIds = new List<string>();
            foreach (var (partnerNode, partnerPath) in f.List("partners", allowed: "a list of partners, each { commissioner: ID, contribution_gbp_per_year: N }"))
            {
                if (f.Child(partnerNode, partnerPath, fieldsOf: p => ReadPartner(p, known)) is not { } p)
                {
                    partners.Add(null);
                    partnerIds.Add("");
                    continue;
                }
                var (who, contribution) = ReadPartner(p, known);
                if (who is not null && partnerIds.IndexOf(who) is var first and >= 0)
                {
                    p.Report(p.Node("commissioner", false), p.PathOf("commissioner"), $"'{who}' is listed twice (also {f.PathOf("partners")}[{first}]); allowed: each partner once");
                    who = null;
                }
                partnerIds.Add(who ?? "");
                partners.Add(who is null || contribution is null ? null : new PoolPartnerSpec(who, contribution));
            }
            var models = f.List("risk_share_models", required: false)
                .Select(m => f.Child(m.Node, m.Path, fieldsOf: mf => ReadRiskShare(mf, partnerIds)) is { } mf ? ReadRiskShare(mf, partnerIds) : null)
                .ToList();
            var (phasingStart, phasingWeeks) = f.Object("phasing", required: false, fieldsOf: ph => ReadPhasing(ph)) is { } phasing ? ReadPhasing(phasing) : (1, 0);
            var threshold = f.Number("threshold_gbp", 0, 1e12, "an overspend threshold in pounds ≥ 0", required: false) ?? 1_000_000;
            f.RejectUnknown();
            if (partners.Count == 0 && f.Node("partners", false) is not null)
            {
                f.Report("a pooled budget needs at least one partner; allowed: a list of partners, each a commissioner with its contribution");
                return null;
            }
            if (id is null || partners.Contains(null) || models.Contains(null))
            {
                return null;
            }
            var valid = partners.Select(p => p!).ToArray();
            if (valid.Sum(p => p.ContributionGbpPerYear) <= 0)
            {
                f.Report("the contributions sum to 0; allowed: contributions whose sum is > 0, so that shares can be proportional");
                return null;
            }
            if (models.GroupBy(m => m!.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                f.Report(f.Node("risk_share_models", false), f.PathOf("risk_share_models"), $"id '{twice.Key}' is used more than once; allowed: a different id for each agreement");
                return null;
            }
            return new PooledBudgetSpec(id, name!, valid, [.. models!], phasingStart, phasingWeeks, threshold);
        }

        /// <summary>A partner's commissioner (null when missing or not a commissioner, reported) and contribution.</summary>
        private static (string? Commissioner, double[]? Contribution) ReadPartner(YamlFields p, List<string> known)
        {
            var who = p.Text("commissioner", allowed: string.Join(", ", known));
            var contribution = ReadYearly(p, "contribution_gbp_per_year", "a contribution in pounds a year ≥ 0, or a list of them by model year (the last repeats)");
            p.RejectUnknown();
            if (who is not null && !known.Contains(who))
            {
                ReportUnknown(p, "commissioner", "commissioner", who, known);
                who = null;
            }
            return (who, contribution);
        }

        private static (double StartingShare, int FullByWeek) ReadPhasing(YamlFields phasing)
        {
            var start = phasing.Number("starting_share", 0, 1, "the share of activity pooled at week 0, from 0 to 1") ?? 1;
            var weeks = phasing.Integer("full_by_week", 1, 100_000, "the week by which all activity is pooled, ≥ 1") ?? 0;
            phasing.RejectUnknown();
            return (start, weeks);
        }

        /// <summary>A number, or a non-empty list of numbers by model year.</summary>
        private static double[]? ReadYearly(YamlFields f, string key, string allowed)
        {
            var node = f.Node(key, required: true, allowed);
            if (node is null)
            {
                return null;
            }
            var inner = node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("value"), out var v) ? v : node;
            if (inner is not YamlSequenceNode)
            {
                return f.Number(key, 0, 1e12, allowed) is { } single ? [single] : null;
            }
            var values = f.List(key).Select(i => f.NumberAt(i.Node, i.Path, 0, 1e12, allowed)).ToList();
            if (values.Count == 0)
            {
                f.Report(node, f.PathOf(key), $"empty list; allowed: {allowed}");
            }
            return values.Count == 0 || values.Contains(null) ? null : [.. values.Select(x => x!.Value)];
        }
    }
}
