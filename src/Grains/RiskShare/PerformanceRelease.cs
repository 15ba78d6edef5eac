namespace MarketSim.Grains.RiskShare;

/// <summary>
/// The Better Care Fund release rule: each quarter, savings are released in proportion to the
/// cumulative share of the target achieved, less what was released before (30% achieved by Q1
/// releases 30%; 45% by Q2 releases a further 15%). Nothing released is clawed back.
/// </summary>
public static class PerformanceRelease
{
    /// <summary>
    /// Writes each quarter's release, as a share of the pot, for cumulative achievements
    /// <paramref name="achieved"/> (each clamped to 0..1; NaN for a quarter not reached). Returns the total released share.
    /// </summary>
    public static double Quarterly(ReadOnlySpan<double> achieved, Span<double> released)
    {
        var cumulative = 0.0;
        for (var q = 0; q < achieved.Length; q++)
        {
            var share = double.IsNaN(achieved[q]) ? 0 : Math.Clamp(achieved[q], 0, 1);
            released[q] = Math.Max(0, share - cumulative);
            cumulative += released[q];
        }
        return cumulative;
    }

    /// <summary>The share of the target achieved when the mean waiting list is <paramref name="meanWaiting"/>.</summary>
    public static double Achievement(PaymentForPerformance spec, double meanWaiting) =>
        double.IsNaN(meanWaiting)
            ? double.NaN
            : Math.Clamp((spec.BaselineWaitingPeople - meanWaiting) / (spec.BaselineWaitingPeople - spec.TargetWaitingPeople), 0, 1);
}
