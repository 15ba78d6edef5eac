using System.Runtime.CompilerServices;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Demand;

/// <summary>
/// What one run records of a zone's service users by funding stream: referrals, waits to first
/// placement, unmet hours and self-funder conversions. Reset and reused across runs.
/// </summary>
public sealed class ServiceUserRecord
{
    private readonly long[] _referrals = new long[FundingStreams.Count];
    private readonly long[] _placed = new long[FundingStreams.Count];
    private readonly double[] _waitWeeks = new double[FundingStreams.Count];
    private readonly double[] _waitingHours = new double[FundingStreams.Count];
    private readonly double[] _unmetHours = new double[FundingStreams.Count];
    private long _conversions;

    /// <summary>Clears the record for a new run.</summary>
    public void Reset()
    {
        Array.Clear(_referrals);
        Array.Clear(_placed);
        Array.Clear(_waitWeeks);
        Array.Clear(_waitingHours);
        Array.Clear(_unmetHours);
        _conversions = 0;
    }

    /// <summary>A referral funded by <paramref name="stream"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Refer(FundingStream stream) => _referrals[(int)stream]++;

    /// <summary>A referral funded by <paramref name="stream"/> at referral is placed for the first time, <paramref name="weeks"/> weeks after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Place(FundingStream stream, int weeks)
    {
        _placed[(int)stream]++;
        _waitWeeks[(int)stream] += weeks;
    }

    /// <summary>Someone funded by <paramref name="stream"/> with a package of <paramref name="weeklyHours"/> joins the waiting list.</summary>
    public void StartWaiting(FundingStream stream, double weeklyHours) => _waitingHours[(int)stream] += weeklyHours;

    /// <summary>Someone leaves the waiting list.</summary>
    public void StopWaiting(FundingStream stream, double weeklyHours) => _waitingHours[(int)stream] -= weeklyHours;

    /// <summary>A self-funder becomes council-funded.</summary>
    public void Convert() => _conversions++;

    /// <summary>The end of a week: the hours of those still waiting are unmet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CloseWeek()
    {
        for (var s = 0; s < FundingStreams.Count; s++)
        {
            _unmetHours[s] += _waitingHours[s];
        }
    }

    /// <summary>Unmet care hours of the service users funded by <paramref name="stream"/> since the run began.</summary>
    public double UnmetHours(FundingStream stream) => _unmetHours[(int)stream];

    /// <summary>Writes the block (<see cref="ServiceUserMetrics"/>) of the service users funded by <paramref name="stream"/>.</summary>
    public void Write(FundingStream stream, Span<double> block)
    {
        var s = (int)stream;
        block[ServiceUserMetrics.Referrals] = _referrals[s];
        block[ServiceUserMetrics.MeanWait] = _placed[s] > 0 ? _waitWeeks[s] / _placed[s] : double.NaN;
        block[ServiceUserMetrics.UnmetHours] = _unmetHours[s];
        block[ServiceUserMetrics.SelfFunderConversions] = stream == FundingStream.SelfFunder ? _conversions : 0;
    }
}
