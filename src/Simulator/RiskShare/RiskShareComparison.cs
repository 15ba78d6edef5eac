using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Statistics;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.RiskShare;

/// <summary>
/// Risk measures of every party under every risk-share agreement of every pool, over the runs:
/// mean liability, P(liability > £0), P(above the pool's threshold), VaR 95%, CVaR 95% and the worst
/// year; and paired differences between agreements (A − B, run by run, on the same futures) with
/// 95% confidence intervals. Keeps one number per run per liability (for exact tail measures) in
/// <see cref="RunValues"/>, on disk past a small buffer, so memory stays flat.
/// </summary>
public sealed class RiskShareComparison : IOutcomeSink, IDisposable
{
    /// <summary>The level of VaR and CVaR.</summary>
    public const double Alpha = 0.95;

    private readonly int _width;

    /// <summary>Prepares the comparison for the pools of <paramref name="scenario"/>.</summary>
    public RiskShareComparison(MarketScenario scenario, OutcomeSchema schema)
    {
        _width = schema.Stride;
        foreach (var pool in scenario.PooledBudgets)
        {
            var models = pool.ModelsOrDefault;
            foreach (var model in models)
            {
                foreach (var party in pool.Parties(model))
                {
                    Lines.Add(new Line(pool, model.Id, model.Name, party,
                        schema.IndexOf($"liability_gbp__{pool.Id}__{model.Id}__{party}"),
                        schema.IndexOf($"worst_year_liability_gbp__{pool.Id}__{model.Id}__{party}")));
                }
            }
            for (var a = 0; a < models.Length; a++)
            {
                for (var b = a + 1; b < models.Length; b++)
                {
                    foreach (var partner in pool.Partners)
                    {
                        Differences.Add(new Difference(pool.Id, models[a].Id, models[b].Id, partner.CommissionerId,
                            schema.IndexOf($"liability_gbp__{pool.Id}__{models[a].Id}__{partner.CommissionerId}"),
                            schema.IndexOf($"liability_gbp__{pool.Id}__{models[b].Id}__{partner.CommissionerId}")));
                    }
                }
            }
        }
    }

    /// <summary>One line per pool, agreement and party.</summary>
    public List<Line> Lines { get; } = [];

    /// <summary>One line per pool, pair of agreements and partner.</summary>
    public List<Difference> Differences { get; } = [];

    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        for (var r = 0; r < count; r++)
        {
            var row = outcomes.Slice(r * _width, _width);
            foreach (var line in Lines)
            {
                line.Add(row[line.Column], row[line.WorstYearColumn]);
            }
            foreach (var difference in Differences)
            {
                difference.Moments.Add(row[difference.ColumnA] - row[difference.ColumnB]);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => Lines.ForEach(l => l.Dispose());

    /// <summary>
    /// <paramref name="partner"/>'s liability under agreement <paramref name="modelB"/> minus under
    /// <paramref name="modelA"/>, run by run in <paramref name="poolId"/>: the mean and its standard error.
    /// </summary>
    public (double MeanGbp, double StdErrorGbp, long Runs) Paired(string poolId, string modelA, string modelB, string partner)
    {
        if (modelA == modelB)
        {
            return (0, 0, Lines.FirstOrDefault(l => l.Pool.Id == poolId)?.Liability.Count ?? 0);
        }
        foreach (var d in Differences)
        {
            if (d.PoolId == poolId && d.Partner == partner && d.ModelA == modelA && d.ModelB == modelB)
            {
                return (-d.Moments.Mean, d.StdError, d.Moments.Count);
            }
            if (d.PoolId == poolId && d.Partner == partner && d.ModelA == modelB && d.ModelB == modelA)
            {
                return (d.Moments.Mean, d.StdError, d.Moments.Count);
            }
        }
        throw new ArgumentException($"Pool '{poolId}' has no paired difference of {partner} between '{modelA}' and '{modelB}'.");
    }

    /// <summary>The measures of one party under one agreement.</summary>
    public sealed class Line(PooledBudgetSpec pool, string modelId, string modelName, string party, int column, int worstYearColumn) : IDisposable
    {
        private readonly RunValues _values = new();
        private readonly RunValues _worstYears = new();
        private readonly WeakReference<double[]?> _sorted = new(null);
        private readonly WeakReference<double[]?> _sortedWorstYears = new(null);
        private long _sortedCount = -1;
        private long _sortedWorstYearsCount = -1;

        /// <summary>The pool.</summary>
        public PooledBudgetSpec Pool { get; } = pool;

        /// <summary>The agreement's id.</summary>
        public string ModelId { get; } = modelId;

        /// <summary>The agreement's name.</summary>
        public string ModelName { get; } = modelName;

        /// <summary>The party: a partner's id, "providers" or "retained".</summary>
        public string Party { get; } = party;

        /// <summary>Its liability column.</summary>
        public int Column { get; } = column;

        /// <summary>Its worst-year column.</summary>
        public int WorstYearColumn { get; } = worstYearColumn;

        /// <summary>Liability over the horizon.</summary>
        public RunningMoments Liability { get; } = new();

        /// <summary>Largest yearly liability.</summary>
        public RunningMoments WorstYear { get; } = new();

        /// <summary>Runs in which this party's liability is above 0, whichever the party: a partner, the providers or the amount retained.</summary>
        public long RunsWithLiability { get; private set; }

        /// <summary>Runs with a liability above the pool's threshold.</summary>
        public long AboveThreshold { get; private set; }

        /// <summary>P(liability &gt; 0).</summary>
        public double ProbabilityOfLiability => RunsWithLiability / (double)Math.Max(1, Liability.Count);

        /// <summary>P(liability &gt; threshold).</summary>
        public double ProbabilityAboveThreshold => AboveThreshold / (double)Math.Max(1, Liability.Count);

        /// <summary>VaR 95% of the liability over the horizon.</summary>
        public double ValueAtRisk => RiskMeasures.ValueAtRisk(Sorted(), Alpha);

        /// <summary>CVaR 95% (expected shortfall) of the liability over the horizon.</summary>
        public double ConditionalValueAtRisk => RiskMeasures.ConditionalValueAtRisk(Sorted(), Alpha);

        /// <summary>VaR 95% of the worst single year's liability: a per-year figure from per-year values (no single year costs more in 95% of futures).</summary>
        public double WorstYearValueAtRisk => RiskMeasures.ValueAtRisk(SortedWorstYears(), Alpha);

        /// <summary>CVaR 95% of the worst single year's liability: the mean worst year of the worst 5% of futures.</summary>
        public double WorstYearConditionalValueAtRisk => RiskMeasures.ConditionalValueAtRisk(SortedWorstYears(), Alpha);

        /// <summary>The liabilities over runs, ascending.</summary>
        public IReadOnlyList<double> SortedValues => Sorted();

        /// <summary>The worst years' liabilities over runs, ascending.</summary>
        public IReadOnlyList<double> SortedWorstYearValues => SortedWorstYears();

        internal void Add(double liability, double worstYear)
        {
            Liability.Add(liability);
            WorstYear.Add(worstYear);
            _values.Add(liability);
            _worstYears.Add(worstYear);
            RunsWithLiability += liability > 0 ? 1 : 0;
            AboveThreshold += liability > Pool.ThresholdGbp ? 1 : 0;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _values.Dispose();
            _worstYears.Dispose();
        }

        private double[] Sorted() => Quantiles.Sort(_values, _sorted, ref _sortedCount);

        private double[] SortedWorstYears() => Quantiles.Sort(_worstYears, _sortedWorstYears, ref _sortedWorstYearsCount);
    }

    /// <summary>A paired difference of one partner's liability between two agreements.</summary>
    public sealed record Difference(string PoolId, string ModelA, string ModelB, string Partner, int ColumnA, int ColumnB)
    {
        /// <summary>Moments of A − B over runs: a streamed (Welford) accumulator of the per-run difference, so memory stays flat.</summary>
        public RunningMoments Moments { get; } = new();

        /// <summary>Standard error of the mean difference, from the paired per-run differences.</summary>
        public double StdError => Moments.StdError;

        /// <summary>Half-width of the 95% confidence interval of the mean difference.</summary>
        public double HalfWidth95 => Moments.HalfWidth95;
    }
}
