namespace MarketSim.Simulator.Reports;

/// <summary>One input of a scenario as written: where it is, its value, unit and the <c>source:</c> that covers it.</summary>
/// <param name="Path">The field path, e.g. <c>pooled_budgets[0].threshold_gbp</c>.</param>
/// <param name="Label">The path in words, with the scenario's names for list items.</param>
/// <param name="Value">The value as written (a list, or a distribution and its parameters).</param>
/// <param name="Unit">Its unit in words, from the field name; empty when the name carries none.</param>
/// <param name="Source">Its own <c>source:</c>, else the nearest enclosing one; <see cref="NoSource"/> when there is none.</param>
public sealed record ScenarioAssumption(string Path, string Label, string Value, string Unit, string Source)
{
    /// <summary>The source shown for an input neither it nor any block around it gives one for.</summary>
    public const string NoSource = "none given";
}
