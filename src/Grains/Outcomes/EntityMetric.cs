namespace MarketSim.Grains.Outcomes;

/// <summary>One number an entity reports each run.</summary>
/// <param name="Name">Metric name (snake case, unit in the name where it helps), unique within the entity.</param>
/// <param name="Unit">Unit of the value (people, hours, weeks, GBP, GBP per hour, share, code).</param>
/// <param name="Description">What the number means, for docs/outputs.md.</param>
/// <param name="MayBeMissing">Whether a run can leave it empty (NaN: not applicable), so that the runs with a value are worth reporting.</param>
/// <param name="Internal">Whether it stays in the run's block for the model's own summaries (a category code, whose mean and percentiles mean nothing) and is left out of the entity files.</param>
[GenerateSerializer]
public sealed record EntityMetric(string Name, string Unit, string Description, bool MayBeMissing = false, bool Internal = false);
