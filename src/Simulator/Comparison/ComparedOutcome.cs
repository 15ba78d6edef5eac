namespace MarketSim.Simulator.Comparison;

/// <summary>An outcome both scenarios report: its runs.csv column, unit, human label, worse direction and its index in each scenario's rows.</summary>
/// <param name="Name">The runs.csv column, e.g. <c>unmet_hours_total</c>.</param>
/// <param name="Unit">Its unit, as the outcome schema gives it (hours, GBP, people, ...).</param>
/// <param name="Label">A label for people, with the unit where the numbers do not carry it, and both scenarios' names of an entity they name differently.</param>
/// <param name="WorseWhen">Which direction is worse.</param>
/// <param name="BaseColumn">Index in the base scenario's rows.</param>
/// <param name="OtherColumn">Index in the other scenario's rows.</param>
public sealed record ComparedOutcome(string Name, string Unit, string Label, WorseWhen WorseWhen, int BaseColumn, int OtherColumn);
