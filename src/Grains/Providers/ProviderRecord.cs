using MarketSim.Grains.Failure;

namespace MarketSim.Grains.Providers;

/// <summary>
/// What one run records of a provider for its entity block: its margin per hour and its reserves by
/// model year. Reset and reused across runs; records nothing that allocates.
/// </summary>
public sealed class ProviderRecord
{
    private readonly double[] _reserves;
    private readonly double[] _marginPounds;
    private readonly double[] _marginHours;

    /// <summary>Creates a record for <paramref name="years"/> model years; reserves are reported only when <paramref name="reservesModelled"/>.</summary>
    public ProviderRecord(int years, bool reservesModelled)
    {
        _reserves = new double[years];
        _marginPounds = new double[years];
        _marginHours = new double[years];
        ReservesModelled = reservesModelled;
    }

    /// <summary>Whether its reserves move with its margin (costs and finite reserves modelled).</summary>
    public bool ReservesModelled { get; }

    /// <summary>Clears the record for a new run.</summary>
    public void Reset()
    {
        Array.Fill(_reserves, double.NaN);
        Array.Clear(_marginPounds);
        Array.Clear(_marginHours);
    }

    /// <summary>A week of <paramref name="hours"/> delivered in model year <paramref name="year"/> at a rate and a cost per hour (NaN when not modelled).</summary>
    public void RecordWeek(int year, double hours, double rateGbpPerHour, double costGbpPerHour)
    {
        if (!double.IsNaN(costGbpPerHour))
        {
            _marginPounds[year] += hours * (rateGbpPerHour - costGbpPerHour);
            _marginHours[year] += hours;
        }
    }

    /// <summary>The end of model year <paramref name="year"/> (or of the horizon): notes the provider's reserves.</summary>
    public void CloseYear(int year, Provider provider)
    {
        _reserves[year] = ReservesModelled && provider.Status != ProviderStatus.Dormant ? provider.ReservesGbp : double.NaN;
    }

    /// <summary>Writes the provider's block (<see cref="ProviderMetrics"/>) given the market's delivered hours.</summary>
    public void Write(Provider provider, double marketDeliveredHours, Span<double> block)
    {
        var years = _reserves.Length;
        block[ProviderMetrics.ExitWeek] = provider.ExitReason == ExitReason.None ? double.NaN : provider.ExitWeek;
        block[ProviderMetrics.ExitCause] = (int)provider.ExitReason;
        block[ProviderMetrics.DeliveredHours] = provider.DeliveredHours;
        block[ProviderMetrics.DeliveredShare] = marketDeliveredHours > 0 ? provider.DeliveredHours / marketDeliveredHours : double.NaN;
        for (var y = 0; y < years; y++)
        {
            block[ProviderMetrics.Reserves(y)] = _reserves[y];
            block[ProviderMetrics.Margin(y, years)] = _marginHours[y] > 0 ? _marginPounds[y] / _marginHours[y] : double.NaN;
        }
    }
}
