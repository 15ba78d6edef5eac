using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;

namespace MarketSim.Grains.Zones;

/// <summary>A zone's outcomes over the runs (<see cref="ZoneMetrics"/>), and how many runs it was ever left without an open lead provider.</summary>
[GenerateSerializer]
public sealed class ZoneDistribution : EntityDistribution
{
    /// <summary>Creates an empty distribution of zone <paramref name="block"/> with its <paramref name="metrics"/>.</summary>
    public ZoneDistribution(EntityBlock block, IReadOnlyList<EntityMetric> metrics, long firstRun = 0)
        : base(EntityKind.Zone, block, metrics, firstRun)
    {
    }

    /// <summary>Runs in which at least one week ended with none of its lead providers open.</summary>
    [Id(0)]
    public long RunsWithoutLead { get; private set; }

    /// <summary>P(weeks_without_lead &gt; 0): the chance that it loses its lead provider at some point.</summary>
    public Proportion LosesLead => new(RunsWithoutLead, Runs);

    /// <inheritdoc />
    public override EntitySummary Summarise() => new(Block, Runs, SummariseMetrics(), LosesLead: LosesLead);

    /// <inheritdoc />
    protected override void AddRun(ReadOnlySpan<double> block) => RunsWithoutLead += block[ZoneMetrics.WeeksWithoutLead] > 0 ? 1 : 0;
}
