namespace MarketSim.Simulator.Workbench.Levers;

/// <summary>
/// The outcome of checking a Levers form: the variant's YAML (<c>base:</c>, <c>name:</c> and only the
/// changed values) and the validator's problems by lever key (key "" for a field that is not a lever).
/// </summary>
/// <param name="Yaml">The variant scenario's text, ready to save beside its base.</param>
/// <param name="Problems">The validator's messages by lever key; empty when the variant is valid.</param>
public sealed record LeverCheck(string Yaml, IReadOnlyDictionary<string, string> Problems)
{
    /// <summary>Whether the variant passed every check, so it may be saved and run.</summary>
    public bool IsValid => Problems.Count == 0;
}
