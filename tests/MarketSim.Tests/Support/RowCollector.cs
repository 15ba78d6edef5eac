using MarketSim.Grains.Outcomes;
using MarketSim.Silo.Runs;

namespace MarketSim.Tests.Support;

/// <summary>Keeps every run's whole row (scalars, series and entity blocks), for tests that compare parts of a row.</summary>
public sealed class RowCollector(OutcomeSchema schema) : IOutcomeSink
{
    public List<double[]> Rows { get; } = [];

    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        Assert.Equal(Rows.Count, firstRun);
        for (var r = 0; r < count; r++)
        {
            Rows.Add(outcomes.Slice(r * schema.Stride, schema.Stride).ToArray());
        }
    }

    /// <summary>The value of <paramref name="metric"/> of the entity <paramref name="id"/> of kind <paramref name="kind"/> in <paramref name="row"/>.</summary>
    public double Entity(double[] row, EntityKind kind, string id, string metric)
    {
        var block = schema.Entities.Single(b => b.Kind == kind && b.Id == id);
        var index = schema.MetricsOf(block).Select(m => m.Name).ToList().IndexOf(metric);
        Assert.True(index >= 0, $"{kind} {id} has no metric {metric}");
        return row[block.Offset + index];
    }

    /// <summary>The value of the scalar column <paramref name="column"/> in <paramref name="row"/>.</summary>
    public double Column(double[] row, string column) => row[schema.IndexOf(column)];
}
