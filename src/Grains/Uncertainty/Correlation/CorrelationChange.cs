namespace MarketSim.Grains.Uncertainty.Correlation;

/// <summary>
/// How a repair moved one entry of a correlation matrix, so a warning can say
/// "moved rho(a, b) from 0.9 to 0.82".
/// </summary>
/// <param name="First">The name of one input.</param>
/// <param name="Second">The name of the other input.</param>
/// <param name="From">The requested rank correlation.</param>
/// <param name="To">The rank correlation after repair.</param>
public readonly record struct CorrelationChange(string First, string Second, double From, double To)
{
    /// <summary>The absolute size of the move, |To − From|.</summary>
    public double Size => Math.Abs(To - From);
}
