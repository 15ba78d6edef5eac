namespace MarketSim.Grains.Scenario;

/// <summary>A council or NHS commissioner: which funding streams it pays for, and its budgets.</summary>
/// <param name="Id">Stable identifier, used in output columns.</param>
/// <param name="Name">Display name.</param>
/// <param name="Funds">The funding streams whose packages it pays for.</param>
/// <param name="AnnualBudgetsGbp">Budget for each model year from the start (pounds); the last one repeats.</param>
public sealed record CommissionerSpec(string Id, string Name, FundingStream[] Funds, double[] AnnualBudgetsGbp)
{
    /// <summary>The budget for model year <paramref name="year"/> (0-based), in pounds.</summary>
    public double BudgetGbp(int year) => AnnualBudgetsGbp[Math.Min(year, AnnualBudgetsGbp.Length - 1)];
}
