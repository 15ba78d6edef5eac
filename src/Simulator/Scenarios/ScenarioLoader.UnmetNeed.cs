using MarketSim.Grains.Scenario;

namespace MarketSim.Simulator.Scenarios;

/// <summary>The reader of the unmet_need section: the cost of an unmet care hour and who bears it.</summary>
public static partial class ScenarioLoader
{
    private sealed partial class Reader
    {
        private static UnmetNeedSpec? ReadUnmetNeed(YamlFields f, List<string> commissionerIds)
        {
            var cost = f.Number("cost_gbp_per_hour", 0, 100_000, "a cost in pounds per care hour not delivered, ≥ 0");
            var items = f.List("borne_by", required: false);
            var shares = new List<UnmetNeedShare?>();
            foreach (var (node, path) in items)
            {
                if (f.Child(node, path, fieldsOf: b => ReadBearer(b, commissionerIds)) is not { } b)
                {
                    shares.Add(null);
                    continue;
                }
                var (who, share) = ReadBearer(b, commissionerIds);
                if (who is not null && shares.Any(s => s?.CommissionerId == who))
                {
                    b.Report(b.Node("commissioner", false), b.PathOf("commissioner"), $"'{who}' is named more than once; allowed: each commissioner once");
                    who = null;
                }
                shares.Add(who is null || share is null ? null : new UnmetNeedShare(who, share.Value));
            }
            f.RejectUnknown();
            var ok = cost is not null && !shares.Contains(null);
            if (f.Node("borne_by", false) is { } list && items.Count == 0)
            {
                f.Report(list, f.PathOf("borne_by"), "empty list; allowed: at least one { commissioner, share }, or leave borne_by out to charge each hour to the commissioner funding it");
                ok = false;
            }
            if (ok && shares.Count > 0 && Math.Abs(shares.Sum(s => s!.Share) - 1) > 1e-9)
            {
                f.Report(f.Node("borne_by", false), f.PathOf("borne_by"), $"shares sum to {shares.Sum(s => s!.Share):0.######}; allowed: shares that sum to 1");
                ok = false;
            }
            return ok ? new UnmetNeedSpec(cost!.Value, shares.Count > 0 ? [.. shares!] : null) : null;
        }

        /// <summary>An entry of borne_by: its commissioner (null when missing or unknown, reported) and share.</summary>
        private static (string? Commissioner, double? Share) ReadBearer(YamlFields b, List<string> commissionerIds)
        {
            var who = b.Text("commissioner", allowed: string.Join(", ", commissionerIds));
            var share = b.Number("share", 0, 1, "a share from 0 to 1; the shares sum to 1");
            b.RejectUnknown();
            if (who is not null && !commissionerIds.Contains(who))
            {
                ReportUnknown(b, "commissioner", "commissioner", who, commissionerIds);
                who = null;
            }
            return (who, share);
        }
    }
}
