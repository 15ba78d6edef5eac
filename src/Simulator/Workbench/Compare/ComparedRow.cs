using MarketSim.Simulator.Comparison;

namespace MarketSim.Simulator.Workbench.Compare;

/// <summary>One outcome column of runs.csv across the experiments of an <see cref="ExperimentComparison"/>.</summary>
/// <param name="Column">The runs.csv column, e.g. <c>unmet_hours_total</c>.</param>
/// <param name="Label">A short label for people, as <c>marketsim compare</c> shows it: "Unmet care (hours)", "Spend: Doncaster Council"; where the experiments name its commissioner, zone, pool or agreement differently, each name with the experiments that use it, "Spend: North Council (base) vs North County Council (other)", or with three or more "(base, 2) vs … (1)", numbered as the page's columns.</param>
/// <param name="Unit">The column's unit as summary.json gives it (GBP, GBP per hour, hours, people, ...), for <see cref="Reports.Quantity.Format"/>; empty when the base scenario does not describe the column.</param>
/// <param name="PerExperiment">Each experiment's statistics, in the order of <see cref="ExperimentComparison.Experiments"/>.</param>
/// <param name="PairedWithBase">Each experiment's paired difference from the base: null for the base itself and for an experiment with another seed.</param>
public sealed record ComparedRow(string Column, string Label, string Unit, IReadOnlyList<OutcomeStats> PerExperiment, IReadOnlyList<PairedStats?> PairedWithBase)
{
    /// <summary>Whether it is a headline outcome (or a risk-share liability): what <c>marketsim compare</c> compares by default.</summary>
    public bool Headline { get; init; }

    /// <summary>Which direction is worse, read from the column's name.</summary>
    public WorseWhen WorseWhen => OutcomeDirection.Of(Column);

    /// <summary>
    /// The standard error of the difference of experiment <paramref name="experiment"/>'s mean from the base's
    /// as if their runs were independent, √(SE_base² + SE_other²): the right one for different seeds, and what
    /// pairing on common random numbers improves on.
    /// </summary>
    public double UnpairedStandardError(int experiment) =>
        Math.Sqrt(Square(PerExperiment[0].StandardError) + Square(PerExperiment[experiment].StandardError));

    private static double Square(double x) => x * x;
}
