namespace MarketSim.Grains.Uncertainty.Correlation;

/// <summary>
/// The result of <see cref="RankCorrelationMatrix.NearestValid"/>: the repaired matrix and how far it
/// moved from the requested one.
/// </summary>
/// <param name="Requested">The matrix as requested.</param>
/// <param name="Repaired">The nearest valid (positive definite, unit diagonal) correlation matrix.</param>
/// <param name="FrobeniusChange">‖Repaired − Requested‖ in the Frobenius norm (both triangles counted).</param>
/// <param name="Changes">Every off-diagonal pair, largest move first.</param>
/// <param name="Iterations">Alternating-projection iterations used (0 when no repair was needed).</param>
public sealed record CorrelationRepair(
    RankCorrelationMatrix Requested,
    RankCorrelationMatrix Repaired,
    double FrobeniusChange,
    IReadOnlyList<CorrelationChange> Changes,
    int Iterations)
{
    /// <summary>The largest single move of any entry; 0 when the matrix was already valid.</summary>
    public double LargestChange => Changes.Count == 0 ? 0 : Changes[0].Size;

    /// <summary>The pair that moved most, or null for a matrix of fewer than two inputs.</summary>
    public CorrelationChange? LargestMove => Changes.Count == 0 ? null : Changes[0];
}
