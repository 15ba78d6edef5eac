namespace MarketSim.Grains.Outcomes;

/// <summary>One number each run reports: a column of runs.csv and an entry of summary.json.</summary>
/// <param name="Name">Column name (snake case; per-entity columns end in <c>__id</c>).</param>
/// <param name="Unit">Unit of the value (people, hours, hours a week, weeks, GBP).</param>
/// <param name="Description">What the number means, for docs/outputs.md and the report.</param>
/// <param name="Headline">Whether quantiles are kept for it and it appears in the printed table.</param>
public sealed record OutcomeColumn(string Name, string Unit, string Description, bool Headline);
