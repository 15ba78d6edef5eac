namespace MarketSim.Simulator.Workbench.Levers;

/// <summary>
/// One value of a scenario a strategy or finance user may change on the workbench's Levers page:
/// a stable form key, the heading it sits under, its label and unit, its current value as the YAML
/// holds it, and the source note the scenario gives for it.
/// </summary>
/// <param name="Key">The form-field name, of <c>[a-z0-9_.-]</c> only and stable for a scenario: the field's path with list items by id, e.g. <c>providers.slp_a.rate_gbp_per_hour</c>.</param>
/// <param name="Group">The heading, e.g. "Hourly rates and uplift" (see <see cref="ScenarioLevers.Groups"/>).</param>
/// <param name="Label">Human words with the entity's name, e.g. "SLP A: hourly rate".</param>
/// <param name="Unit">What the value is, in the scenario's own unit, e.g. "£ an hour" or "share (0–1)".</param>
/// <param name="Value">The current value as text; empty when the field is left out (its default applies).</param>
/// <param name="Source">The source note the scenario gives for the value: its own, or else that of the nearest mapping around it (as the report's assumptions read it); null when none.</param>
public sealed record Lever(string Key, string Group, string Label, string Unit, string Value, string? Source)
{
    /// <summary>
    /// The keyboard a phone should offer for the value (its input's <c>inputmode</c>): "decimal" for a number that cannot be
    /// negative; null for words, and for a number that may be negative, since a decimal keypad has no minus sign.
    /// </summary>
    public string? InputMode { get; init; }
}
