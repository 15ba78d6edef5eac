namespace MarketSim.Grains.Uncertainty.Sensitivity;

/// <summary>The rank-based sensitivity of one outcome to every uncertain input.</summary>
/// <param name="Inputs">One entry per input, in the order given.</param>
/// <param name="RankRSquared">R² of the regression of rank(outcome) on the inputs' ranks, in [0, 1].</param>
/// <param name="RankRSquaredInterval">Percentile bootstrap interval of <paramref name="RankRSquared"/>.</param>
/// <param name="RunsUsed">Runs with a finite outcome, used in every estimate.</param>
/// <param name="RunsDropped">Runs dropped because their outcome was NaN.</param>
public sealed record RankSensitivityResult(
    IReadOnlyList<InputSensitivity> Inputs,
    double RankRSquared,
    ConfidenceInterval RankRSquaredInterval,
    int RunsUsed,
    int RunsDropped)
{
    /// <summary>The inputs in tornado-chart order: largest |SRRC| first.</summary>
    public IReadOnlyList<InputSensitivity> Tornado => [.. Inputs.OrderBy(i => i.TornadoRank)];
}
