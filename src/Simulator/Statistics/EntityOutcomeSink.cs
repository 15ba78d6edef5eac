using MarketSim.Grains.Outcomes;
using MarketSim.Silo.Runs;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Feeds each run's entity blocks into one <see cref="EntityDistribution"/> per entity of the schema,
/// in run order: what the entity grains hold, computed in one process, for the tests and the Orleans
/// overhead benchmark to check the grains against.
/// </summary>
public sealed class EntityOutcomeSink : IOutcomeSink
{
    private readonly int _stride;

    /// <summary>Creates an empty distribution for every entity of <paramref name="schema"/>.</summary>
    public EntityOutcomeSink(OutcomeSchema schema, long firstRun = 0)
    {
        _stride = schema.Stride;
        Distributions = [.. schema.Entities.Select(b => EntityDistribution.Create(b, schema, firstRun))];
    }

    /// <summary>One distribution per entity, in row order.</summary>
    public IReadOnlyList<EntityDistribution> Distributions { get; }

    /// <summary>The summary of every entity, in row order.</summary>
    public IReadOnlyList<EntitySummary> Summaries() => [.. Distributions.Select(d => d.Summarise())];

    /// <summary>The distribution of the entity <paramref name="id"/> of kind <paramref name="kind"/>.</summary>
    public EntityDistribution Of(EntityKind kind, string id) =>
        Distributions.FirstOrDefault(d => d.Block.Kind == kind && d.Block.Id == id) ?? throw new ArgumentException($"No {kind} is called '{id}'.", nameof(id));

    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        for (var r = 0; r < count; r++)
        {
            var row = outcomes.Slice(r * _stride, _stride);
            foreach (var d in Distributions)
            {
                d.Accept(firstRun + r, 1, row.Slice(d.Block.Offset, d.Block.Width));
            }
        }
    }
}
