using MarketSim.Grains.RiskShare;

namespace MarketSim.Tests.RiskShare;

/// <summary>
/// Each agreement's arithmetic on hand-worked cases, in £m. The Dorset pool (seed 000, section 7):
/// DCC contributes £53m, the CCG's base is £18m; under the Dorset rule the CCG puts in
/// 18 × 53/55 = £17.35m and keeps the rest as a contingency. Here DCC spends £56m and the CCG £17m.
/// </summary>
public class RiskShareArithmeticTests
{
    private static readonly double[] Spend = [56, 17];
    private static readonly double[] Budgets = [53, 18];
    private static readonly double[] NoQuarters = [double.NaN, double.NaN, double.NaN, double.NaN];

    private static double[] Settle(RiskShareSpec model, double[]? spend = null, double pooledShare = 1, double[]? quarters = null)
    {
        var liabilities = new double[RiskShareCalculator.Parties(model, 2)];
        RiskShareCalculator.Settle(model, spend ?? Spend, Budgets, 1, pooledShare, quarters ?? NoQuarters, liabilities);
        return liabilities;
    }

    private static readonly ContributionScaling DorsetScaling = new(Partner: 1, ReferenceBudgetGbp: 53, ReferenceOutturnGbp: 55);

    [Fact]
    public void Dorset_scaling_downscales_the_CCG_by_3_64_percent_to_17_35_and_leaves_a_0_65_contingency()
    {
        Assert.Equal(0.0364, 1 - DorsetScaling.Factor, 4);
        Assert.Equal(17.35, 18 * DorsetScaling.Factor, 2);
        Assert.Equal(0.65, 18 - (18 * DorsetScaling.Factor), 2);
    }

    [Fact]
    public void Dorset_rule_splits_the_overspend_53_to_17_35_and_credits_the_CCG_its_contingency()
    {
        var l = Settle(new RiskShareSpec("dorset", "Dorset", OverspendRule.Proportional, Scaling: DorsetScaling));

        var ccgIn = 18 * 53.0 / 55;
        var overspend = 73 - (53 + ccgIn);
        Assert.Equal(overspend * 53 / (53 + ccgIn), l[0], 10);
        Assert.Equal((ccgIn - 18) + (overspend * ccgIn / (53 + ccgIn)), l[1], 10);
        Assert.Equal(2, l[0] + l[1], 10);
    }

    [Fact]
    public void Proportional_fixed_aligned_and_lead_agreements_match_hand_working()
    {
        Assert.Equal([2 * 53 / 71.0, 2 * 18 / 71.0], Settle(RiskShareSpec.Proportional()), new Tolerance(1e-12));
        Assert.Equal([1.2, 0.8], Settle(new RiskShareSpec("f", "Fixed", OverspendRule.FixedShares, Shares: [0.6, 0.4])), new Tolerance(1e-12));
        Assert.Equal([3, -1], Settle(new RiskShareSpec("a", "Aligned", OverspendRule.Aligned)), new Tolerance(1e-12));
        Assert.Equal([0, 2], Settle(new RiskShareSpec("l", "Lead", OverspendRule.LeadBearsAll, Partner: 1)), new Tolerance(1e-12));
    }

    [Fact]
    public void A_capped_partner_pays_its_cap_and_the_backstop_pays_the_excess()
    {
        var l = Settle(new RiskShareSpec("c", "Capped", OverspendRule.CappedExposure, CapsGbp: [double.PositiveInfinity, 0.3], Partner: 0));

        Assert.Equal([1.7, 0.3], l, new Tolerance(1e-12));
    }

    [Fact]
    public void Tiered_bands_split_each_band_in_its_own_shares()
    {
        var model = new RiskShareSpec("t", "Tiered", OverspendRule.Tiered, Tiers:
        [
            new Tier(1, [0.5, 0.5]),
            new Tier(1.5, [0.8, 0.2]),
            new Tier(double.PositiveInfinity, [1, 0]),
        ]);

        // £2m: the first £1m 50:50, the next £0.5m 80:20, the last £0.5m all to DCC.
        Assert.Equal([0.5 + 0.4 + 0.5, 0.5 + 0.1], Settle(model), new Tolerance(1e-12));
    }

    [Fact]
    public void Underspend_rules_share_the_same_way_weight_to_social_care_or_stay_in_the_pool()
    {
        double[] underspent = [50, 17];
        var same = Settle(RiskShareSpec.Proportional(), underspent);
        var weighted = Settle(new RiskShareSpec("w", "Weighted", OverspendRule.Proportional, UnderspendRule.Weighted, Partner: 0, UnderspendShare: 0.75), underspent);
        var retained = Settle(new RiskShareSpec("r", "Retained", OverspendRule.Proportional, UnderspendRule.Retained), underspent);

        Assert.Equal([-4 * 53 / 71.0, -4 * 18 / 71.0], same, new Tolerance(1e-12));
        Assert.Equal([-3, -1], weighted, new Tolerance(1e-12));
        Assert.Equal([0, 0, -4], retained, new Tolerance(1e-12));
    }

    [Fact]
    public void A_retained_contingency_is_kept_out_of_the_pool()
    {
        var l = Settle(new RiskShareSpec("k", "Contingency", OverspendRule.Proportional, ContingencyGbp: [0, 0.65]));

        var overspend = 73 - 70.35;
        Assert.Equal(overspend * 53 / 70.35, l[0], 10);
        Assert.Equal(-0.65 + (overspend * 17.35 / 70.35), l[1], 10);
    }

    [Fact]
    public void Gain_loss_sharing_gives_providers_their_share_within_cap_and_collar()
    {
        var model = new RiskShareSpec("g", "Gain/loss", OverspendRule.Proportional, GainLoss: new GainLossSharing(70, 0.3, CapGbp: 0.5, CollarGbp: 0.2));

        var loss = Settle(model);
        var gain = Settle(model, [50, 17]);

        // Loss: 0.3 × (73 − 70) = 0.9, capped at 0.5; commissioners split the other 1.5 of the £2m.
        Assert.Equal(0.5, loss[2], 12);
        Assert.Equal(1.5 * 53 / 71, loss[0], 12);
        // Gain: 0.3 × (67 − 70) = −0.9, collared at −0.2; commissioners share −3.8.
        Assert.Equal(-0.2, gain[2], 12);
        Assert.Equal(-4, gain.Sum(), 12);
    }

    [Fact]
    public void BCF_release_example_30_percent_by_Q1_then_a_further_15_percent_by_Q2()
    {
        var released = new double[4];

        var total = PerformanceRelease.Quarterly([0.30, 0.45, 0.40, 1.2], released);

        Assert.Equal([0.30, 0.15, 0, 0.55], released, new Tolerance(1e-12));
        Assert.Equal(1, total, 12);
    }

    [Fact]
    public void Payment_for_performance_moves_the_released_pot_from_payer_to_recipient()
    {
        var pot = new PaymentForPerformance(Payer: 1, Recipient: 0, PotGbp: 0.746, BaselineWaitingPeople: 100, TargetWaitingPeople: 60);
        var model = new RiskShareSpec("p", "P4P", OverspendRule.Proportional, Performance: pot);
        var plain = Settle(RiskShareSpec.Proportional() with { ContingencyGbp = [0, 0.746] });

        // Mean waiting list 88 by Q1 (30% of the way from 100 to 60), 82 by Q2 (45%).
        var l = Settle(model, quarters: new[] { 88, 82, double.NaN, double.NaN }.Select(w => PerformanceRelease.Achievement(pot, w)).ToArray());

        Assert.Equal(plain[0] - (0.45 * 0.746), l[0], 12);
        Assert.Equal(plain[1] + (0.45 * 0.746), l[1], 12);
    }

    [Fact]
    public void Pool_phasing_leaves_the_unpooled_share_with_each_partner()
    {
        // Half pooled: the pooled half of the £2m overspend, £1m, splits 53 : 18; the aligned half leaves each partner
        // half its own result, DCC 0.5 × (56 − 53) = £1.5m and the CCG 0.5 × (17 − 18) = −£0.5m.
        var half = Settle(RiskShareSpec.Proportional(), pooledShare: 0.5);

        Assert.Equal([(53 / 71.0) + 1.5, (18 / 71.0) - 0.5], half, new Tolerance(1e-12));
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
