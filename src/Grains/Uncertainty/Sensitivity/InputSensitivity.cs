namespace MarketSim.Grains.Uncertainty.Sensitivity;

/// <summary>
/// How strongly one uncertain input drives one outcome, measured on ranks over the runs of one
/// simulation (see <see cref="RankSensitivity"/> for the methods).
/// </summary>
/// <param name="Name">The input's name.</param>
/// <param name="Spearman">Spearman rank correlation of input and outcome, in [−1, 1].</param>
/// <param name="SpearmanInterval">Fisher-z interval with the Bonett–Wright standard error.</param>
/// <param name="Srrc">Standardised rank-regression coefficient, holding the other inputs fixed.</param>
/// <param name="SrrcInterval">Percentile bootstrap interval of <paramref name="Srrc"/>.</param>
/// <param name="VarianceShare">SRRC² over the sum of all inputs' SRRC²: the input's share of the explained rank variance, in [0, 1].</param>
/// <param name="ContributionToVariance">VarianceShare × R² on ranks: the fraction of the outcome's rank variance attributed to this input.</param>
/// <param name="TornadoRank">1 for the input with the largest |SRRC| (ties by |Spearman|, then input order).</param>
/// <param name="Note">Why a value is reported as 0 (a constant input or outcome), or null.</param>
public sealed record InputSensitivity(
    string Name,
    double Spearman,
    ConfidenceInterval SpearmanInterval,
    double Srrc,
    ConfidenceInterval SrrcInterval,
    double VarianceShare,
    double ContributionToVariance,
    int TornadoRank,
    string? Note);
