using MarketSim.Grains.Statistics;

namespace MarketSim.Simulator.Comparison;

/// <summary>
/// One outcome's paired difference OTHER − BASE over the runs both scenarios share: run k of each
/// uses the same random numbers, so the difference is run by run. Runs where either value is empty
/// (NaN: not applicable) are left out of the pairs and counted.
/// </summary>
public sealed class PairedDifference(ComparedOutcome outcome)
{
    private long _worse;

    /// <summary>The outcome.</summary>
    public ComparedOutcome Outcome { get; } = outcome;

    /// <summary>OTHER − BASE over the pairs: mean, standard error, 95% half-width.</summary>
    public RunningMoments Difference { get; } = new();

    /// <summary>The base scenario's values over the pairs.</summary>
    public RunningMoments Base { get; } = new();

    /// <summary>The other scenario's values over the pairs.</summary>
    public RunningMoments Other { get; } = new();

    /// <summary>Runs left out because the outcome is empty in either scenario.</summary>
    public long LeftOut { get; private set; }

    /// <summary>Runs paired.</summary>
    public long Pairs => Difference.Count;

    /// <summary>
    /// Whether the two scenarios gave the outcome the same value in every paired run: a difference of exactly 0 with a
    /// standard error of 0, such as an outcome the change cannot reach. False when nothing was paired.
    /// </summary>
    public bool Identical => Pairs > 0 && Difference.Min == 0 && Difference.Max == 0;

    /// <summary>Share of the pairs in which OTHER is strictly worse; NaN when neither direction is worse or nothing was paired.</summary>
    public double ProbabilityOtherWorse =>
        Outcome.WorseWhen == WorseWhen.Neither || Pairs == 0 ? double.NaN : _worse / (double)Pairs;

    /// <summary>
    /// How many of the pairs OTHER is strictly worse in, with the 95% Wilson score interval of that share, which is not
    /// empty when no pair (or every pair) is worse: 0 of 200 is 0% to 1.9%, not a certain 0%. Null when neither direction
    /// is worse or nothing was paired.
    /// </summary>
    public Proportion? OtherWorse =>
        Outcome.WorseWhen == WorseWhen.Neither || Pairs == 0 ? null : new Proportion(_worse, Pairs);

    /// <summary>Adds run k's pair.</summary>
    public void Add(double baseValue, double otherValue)
    {
        if (double.IsNaN(baseValue) || double.IsNaN(otherValue))
        {
            LeftOut++;
            return;
        }
        Base.Add(baseValue);
        Other.Add(otherValue);
        Difference.Add(otherValue - baseValue);
        var worse = Outcome.WorseWhen switch
        {
            WorseWhen.Higher => otherValue > baseValue,
            WorseWhen.Lower => otherValue < baseValue,
            _ => false,
        };
        _worse += worse ? 1 : 0;
    }
}
