namespace MarketSim.Simulator.Scenarios;

/// <summary>Thrown when a scenario file cannot be used; carries every problem found, not just the first.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ScenarioException(IReadOnlyList<ScenarioProblem> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }
}
