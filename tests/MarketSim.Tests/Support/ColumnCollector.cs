using MarketSim.Silo.Runs;

namespace MarketSim.Tests.Support;

/// <summary>Keeps every run's value of one column, for tests that need more than the mean.</summary>
public sealed class ColumnCollector(int column, int width) : IOutcomeSink
{
    public List<double> Values { get; } = [];

    public List<long> RunIndices { get; } = [];

    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        for (var r = 0; r < count; r++)
        {
            Values.Add(outcomes[(r * width) + column]);
            RunIndices.Add(firstRun + r);
        }
    }

    /// <summary>Sample variance and the standard error of that variance, from the sample fourth moment.</summary>
    public (double Mean, double Variance, double VarianceSe) Moments()
    {
        var n = Values.Count;
        var mean = Values.Average();
        var m2 = Values.Sum(x => (x - mean) * (x - mean)) / n;
        var m4 = Values.Sum(x => Math.Pow(x - mean, 4)) / n;
        var variance = m2 * n / (n - 1);
        var varianceSe = Math.Sqrt((m4 - (m2 * m2 * (n - 3) / (n - 1))) / n);
        return (mean, variance, varianceSe);
    }
}
