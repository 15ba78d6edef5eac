using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Commissioners;

/// <summary>
/// Values a run's unmet care hours at the scenario's cost an hour and charges it to commissioners:
/// in the scenario's <c>borne_by</c> shares (the last named takes the rounding remainder, so the
/// shares add up to the total exactly), or else each hour to the commissioner funding the waiting
/// person's stream (self-funders' hours then count in the total but fall to no commissioner).
/// </summary>
public sealed class UnmetNeedCosting
{
    private readonly (int Commissioner, double Share)[]? _borneBy;
    private readonly int[] _payerOfStream;

    /// <summary>Prepares the costing of <paramref name="scenario"/>; a scenario without an unmet-need section values it at 0.</summary>
    public UnmetNeedCosting(MarketScenario scenario)
    {
        CostGbpPerHour = scenario.UnmetNeed?.CostGbpPerHour ?? 0;
        _borneBy = scenario.UnmetNeed?.BorneBy is { Length: > 0 } shares
            ? [.. shares.Select(s => (Array.FindIndex(scenario.Commissioners, c => c.Id == s.CommissionerId), s.Share))]
            : null;
        _payerOfStream = scenario.PayerOfStream();
    }

    /// <summary>The cost of one unmet care hour (pounds).</summary>
    public double CostGbpPerHour { get; }

    /// <summary>
    /// Writes each commissioner's cost of unmet need into <paramref name="costGbp"/> (by commissioner
    /// index) and returns the total, <paramref name="unmetHours"/> × the cost an hour.
    /// <paramref name="unmetHoursByStream"/> are the same hours by funding stream.
    /// </summary>
    public double Split(double unmetHours, ReadOnlySpan<double> unmetHoursByStream, Span<double> costGbp)
    {
        costGbp.Clear();
        var total = unmetHours * CostGbpPerHour;
        if (_borneBy is { } borneBy)
        {
            var allocated = 0.0;
            for (var i = 0; i < borneBy.Length - 1; i++)
            {
                var share = total * borneBy[i].Share;
                costGbp[borneBy[i].Commissioner] += share;
                allocated += share;
            }
            costGbp[borneBy[^1].Commissioner] += total - allocated;
            return total;
        }
        for (var s = 0; s < unmetHoursByStream.Length; s++)
        {
            if (_payerOfStream[s] >= 0)
            {
                costGbp[_payerOfStream[s]] += unmetHoursByStream[s] * CostGbpPerHour;
            }
        }
        return total;
    }
}
