using MarketSim.Grains.Failure;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Statistics;

namespace MarketSim.Grains.Providers;

/// <summary>
/// A provider's outcomes over the runs (<see cref="ProviderMetrics"/>), and how many runs it left in
/// each model year by each cause, for P(exit within year y) in all and by cause.
/// </summary>
[GenerateSerializer]
public sealed class ProviderDistribution : EntityDistribution
{
    private const int Causes = 4;

    /// <summary>Creates an empty distribution of provider <paramref name="block"/> with its <paramref name="metrics"/>.</summary>
    public ProviderDistribution(EntityBlock block, IReadOnlyList<EntityMetric> metrics, long firstRun = 0)
        : base(EntityKind.Provider, block, metrics, firstRun)
    {
        Years = (block.Width - ProviderMetrics.ReservesStart) / 2;
        ExitsByCauseAndYear = new long[Causes * Years];
    }

    /// <summary>Model years of the horizon.</summary>
    [Id(0)]
    public int Years { get; private set; }

    /// <summary>Runs in which it began to leave in model year y (from 0) for cause c (1 hazard, 2 hand-back, 3 forced exit, 4 reserves exhausted), at [(c − 1) × Years + y], c the <see cref="ExitReason"/> code].</summary>
    [Id(1)]
    public long[] ExitsByCauseAndYear { get; private set; }

    /// <summary>The chance it has begun to leave by the end of model year <paramref name="year"/> (from 1), for <paramref name="cause"/> or for any cause when null.</summary>
    public Proportion ExitWithin(int year, ExitReason? cause = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, Years);
        var count = 0L;
        for (var c = 1; c <= Causes; c++)
        {
            if (cause is null || (int)cause == c)
            {
                for (var y = 0; y < year; y++)
                {
                    count += ExitsByCauseAndYear[((c - 1) * Years) + y];
                }
            }
        }
        return new Proportion(count, Runs);
    }

    /// <inheritdoc />
    public override EntitySummary Summarise()
    {
        var byYear = new ExitsByYear[Years];
        for (var y = 1; y <= Years; y++)
        {
            byYear[y - 1] = new ExitsByYear(y, ExitWithin(y), ExitWithin(y, ExitReason.Hazard), ExitWithin(y, ExitReason.ReservesExhausted), ExitWithin(y, ExitReason.HandBack), ExitWithin(y, ExitReason.ForcedExit));
        }
        var mostCommon = ExitReason.None;
        var most = 0L;
        for (var c = 1; c <= Causes && Years > 0; c++)
        {
            var n = ExitWithin(Years, (ExitReason)c).Count;
            if (n > most)
            {
                (mostCommon, most) = ((ExitReason)c, n);
            }
        }
        return new EntitySummary(Block, Runs, SummariseMetrics(), Exits: new ProviderExits(byYear, mostCommon));
    }

    /// <inheritdoc />
    protected override void AddRun(ReadOnlySpan<double> block)
    {
        var week = block[ProviderMetrics.ExitWeek];
        var cause = (int)block[ProviderMetrics.ExitCause];
        if (double.IsNaN(week) || cause < 1 || cause > Causes || Years == 0)
        {
            return;
        }
        var year = Math.Min((int)(week / MarketScenario.WeeksPerYear), Years - 1);
        ExitsByCauseAndYear[((cause - 1) * Years) + year]++;
    }
}
