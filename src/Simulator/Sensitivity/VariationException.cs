namespace MarketSim.Simulator.Sensitivity;

/// <summary>
/// A <c>--vary</c> that cannot be run: its path reaches nothing, or reaches something that is not a
/// number. Each problem is one line of the form <c>--vary: 'TEXT' ...; allowed: ...</c>.
/// </summary>
public sealed class VariationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public VariationException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Every problem found, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
