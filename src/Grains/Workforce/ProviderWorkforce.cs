using MarketSim.Grains.Randomness;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Workforce;

/// <summary>
/// A provider's care workers, week by week: leavers ~ Binomial(W, q) (see <see cref="WaitingTimeBinomial"/>) with q = 1 − (1 − turnover)^(1/52);
/// recruits ~ Poisson((W*·q + max(0, W* − W)/τ) × wage factor), where the wage factor is
/// 1 + ε (care wage − outside wage) / outside wage, kept within 0..3. At a competitive wage and
/// W = W* recruits replace leavers on average; a gap (a new provider mobilising) closes over τ weeks.
/// A provider winding down recruits nobody, so its workforce decays geometrically.
/// </summary>
public sealed class ProviderWorkforce
{
    private readonly WorkforceSpec _spec;
    private readonly double _weeklyLeavingProbability;
    private readonly WaitingTimeBinomial _leavers;

    /// <summary>
    /// The Poisson constants of the last recruitment rate at each gap below the workforce target (the last
    /// entry for every larger gap): the rate moves only with the gap and, once a year, the wage factor, so
    /// e^(−rate) is rarely worked out again.
    /// </summary>
    private readonly PoissonMean[] _recruitMeans = new PoissonMean[32];

    /// <summary>Creates the workforce of a provider whose target capacity is <paramref name="targetWeeklyHours"/>.</summary>
    public ProviderWorkforce(WorkforceSpec spec, double targetWeeklyHours)
    {
        _spec = spec;
        TargetWorkers = (int)Math.Round(targetWeeklyHours / spec.ContactHoursPerWorkerPerWeek);
        _weeklyLeavingProbability = 1 - Math.Pow(1 - spec.AnnualTurnover, 1.0 / MarketScenario.WeeksPerYear);
        _leavers = new WaitingTimeBinomial(_weeklyLeavingProbability);
    }

    /// <summary>The workforce the provider aims for (people).</summary>
    public int TargetWorkers { get; }

    /// <summary>Care workers in post (people).</summary>
    public int Workers { get; private set; }

    /// <summary>Contact hours a week the workers in post can deliver.</summary>
    public double CapacityWeeklyHours => Workers * _spec.ContactHoursPerWorkerPerWeek;

    /// <summary>Starts a run (or a mobilisation) with the starting share of the target in post.</summary>
    public void Reset() => Workers = (int)Math.Round(TargetWorkers * _spec.StartingShare);

    /// <summary>One week of leavers and recruits at the given care and outside wages.</summary>
    public void Week(StreamRandom random, double careWage, double outsideWage)
    {
        var leavers = _leavers.Sample(random, Workers);
        var wageFactor = outsideWage > 0
            ? Math.Clamp(1 + (_spec.RecruitmentWageElasticity * (careWage - outsideWage) / outsideWage), 0, 3)
            : 1;
        var gap = Math.Max(0, TargetWorkers - Workers);
        var recruitRate = ((TargetWorkers * _weeklyLeavingProbability) + (gap / _spec.GapClosingWeeks)) * wageFactor;
        var recruits = 0;
        if (_spec.Recruiting && recruitRate > 0)
        {
            ref var mean = ref _recruitMeans[Math.Min(gap, _recruitMeans.Length - 1)];
            if (recruitRate != mean.Mean)
            {
                mean = new PoissonMean(recruitRate);
            }
            recruits = random.Poisson(mean);
        }
        Workers += recruits - leavers;
    }
}
