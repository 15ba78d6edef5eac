using MarketSim.Grains.Commissioners;
using MarketSim.Grains.Demand;
using MarketSim.Grains.PooledBudgets;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Statistics;
using MarketSim.Grains.Zones;

namespace MarketSim.Grains.Outcomes;

/// <summary>
/// One entity's outcomes over the runs, fed its block of each run strictly in run order: for every
/// metric the count, mean and standard error (Welford) and P² estimates of P5, P50 and P95, missing
/// values left out. Plain deterministic state, serializable: a grain can persist it between batches.
/// A batch already seen is ignored (redelivery after a crash is idempotent); a gap throws.
/// </summary>
[GenerateSerializer]
public abstract class EntityDistribution
{
    /// <summary>Creates an empty distribution of <paramref name="block"/>, whose metrics are <paramref name="metrics"/>, expecting run <paramref name="firstRun"/> first.</summary>
    protected EntityDistribution(EntityKind kind, EntityBlock block, IReadOnlyList<EntityMetric> metrics, long firstRun)
    {
        if (block.Kind != kind)
        {
            throw new ArgumentException($"A {kind} distribution cannot hold {block.Kind} block '{block.Id}'.", nameof(block));
        }
        if (metrics.Count != block.Width)
        {
            throw new ArgumentException($"{block.Kind} block '{block.Id}' is {block.Width} wide but has {metrics.Count} metrics.", nameof(metrics));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(firstRun);
        Block = block;
        Metrics = [.. metrics];
        Values = [.. metrics.Select(_ => new MetricDistribution())];
        FirstRun = firstRun;
        NextRun = firstRun;
    }

    /// <summary>The entity and where its numbers sit in a row.</summary>
    [Id(0)]
    public EntityBlock Block { get; private set; }

    /// <summary>Its metrics, in block order.</summary>
    [Id(1)]
    public EntityMetric[] Metrics { get; private set; }

    /// <summary>Each metric's distribution, in block order.</summary>
    [Id(2)]
    public MetricDistribution[] Values { get; private set; }

    /// <summary>The first run it expected.</summary>
    [Id(3)]
    public long FirstRun { get; private set; }

    /// <summary>The next run it expects: every run before it has been added, none after.</summary>
    [Id(4)]
    public long NextRun { get; private set; }

    /// <summary>Runs added.</summary>
    public long Runs => NextRun - FirstRun;

    /// <summary>
    /// The distribution of the right kind for <paramref name="block"/> of <paramref name="schema"/>,
    /// expecting run <paramref name="firstRun"/> first.
    /// </summary>
    public static EntityDistribution Create(EntityBlock block, OutcomeSchema schema, long firstRun = 0) =>
        Create(block, schema.MetricsOf(block), firstRun);

    /// <summary>
    /// The distribution of the right kind for <paramref name="block"/> of a run of <paramref name="scenario"/>,
    /// expecting run <paramref name="firstRun"/> first.
    /// </summary>
    public static EntityDistribution Create(EntityBlock block, MarketScenario scenario, long firstRun = 0) =>
        Create(block, EntityMetrics.For(block, scenario), firstRun);

    /// <summary>The distribution of the right kind for <paramref name="block"/> with the given metrics.</summary>
    public static EntityDistribution Create(EntityBlock block, IReadOnlyList<EntityMetric> metrics, long firstRun = 0) => block.Kind switch
    {
        EntityKind.Provider => new ProviderDistribution(block, metrics, firstRun),
        EntityKind.Zone => new ZoneDistribution(block, metrics, firstRun),
        EntityKind.ServiceUsers => new ServiceUserDistribution(block, metrics, firstRun),
        EntityKind.Commissioner => new CommissionerDistribution(block, metrics, firstRun),
        EntityKind.PooledBudget => new PooledBudgetDistribution(block, metrics, firstRun),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.Kind, "Unknown entity kind."),
    };

    /// <summary>
    /// Adds runs <paramref name="firstRun"/> .. firstRun + count − 1, whose blocks (each
    /// <see cref="EntityBlock.Width"/> numbers) follow one another in <paramref name="blockValues"/>.
    /// Runs already added are skipped; returns false when every run was added before (a redelivered
    /// batch), true when any was new. Throws <see cref="InvalidOperationException"/> when
    /// <paramref name="firstRun"/> is past <see cref="NextRun"/> (runs would be missing).
    /// </summary>
    public bool Accept(long firstRun, int count, ReadOnlySpan<double> blockValues)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var width = Block.Width;
        if (blockValues.Length != count * width)
        {
            throw new ArgumentException($"{count} runs of {Block.Kind} block '{Block.Id}' take {count * width} numbers, not {blockValues.Length}.", nameof(blockValues));
        }
        if (firstRun > NextRun)
        {
            throw new InvalidOperationException($"{Block.Kind} '{Block.Id}' expected run {NextRun} next but was given runs from {firstRun}: runs {NextRun} to {firstRun - 1} would be missing.");
        }
        var seen = NextRun - firstRun;
        if (seen >= count)
        {
            return false;
        }
        for (var r = (int)seen; r < count; r++)
        {
            var block = blockValues.Slice(r * width, width);
            for (var m = 0; m < width; m++)
            {
                Values[m].Add(block[m]);
            }
            AddRun(block);
        }
        NextRun = firstRun + count;
        return true;
    }

    /// <summary>Adds one run of block values; see <see cref="Accept(long, int, ReadOnlySpan{double})"/>.</summary>
    public bool Accept(long run, ReadOnlySpan<double> block) => Accept(run, 1, block);

    /// <summary>The distribution of the metric called <paramref name="name"/>.</summary>
    public MetricDistribution Metric(string name)
    {
        var i = Array.FindIndex(Metrics, m => m.Name == name);
        return i >= 0 ? Values[i] : throw new ArgumentException($"{Block.Kind} '{Block.Id}' has no metric called '{name}'.", nameof(name));
    }

    /// <summary>The summary of the runs so far: one row of the entity's CSV.</summary>
    public virtual EntitySummary Summarise() => new(Block, Runs, SummariseMetrics());

    /// <summary>Each metric's summary, in block order.</summary>
    protected MetricSummary[] SummariseMetrics()
    {
        var summaries = new MetricSummary[Metrics.Length];
        for (var m = 0; m < Metrics.Length; m++)
        {
            var v = Values[m];
            var any = v.Moments.Count > 0;
            summaries[m] = new MetricSummary(Metrics[m], v.Moments.Count,
                any ? v.Moments.Mean : double.NaN, any ? v.Moments.StdError : double.NaN,
                v.P5.Estimate(), v.P50.Estimate(), v.P95.Estimate());
        }
        return summaries;
    }

    /// <summary>Takes what a kind keeps beyond the metrics' distributions from one run's block.</summary>
    protected virtual void AddRun(ReadOnlySpan<double> block)
    {
    }
}
