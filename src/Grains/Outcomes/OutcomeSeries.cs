namespace MarketSim.Grains.Outcomes;

/// <summary>A monthly time series each run reports, for fan charts: a snapshot at the end of each model month.</summary>
/// <param name="Name">Series name.</param>
/// <param name="Unit">Unit of its values.</param>
/// <param name="Description">What it measures.</param>
/// <param name="Whole">Whether its values are whole numbers (counts of people or providers), whose quantiles can be counted exactly.</param>
public sealed record OutcomeSeries(string Name, string Unit, string Description, bool Whole = false);
