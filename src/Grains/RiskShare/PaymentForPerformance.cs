namespace MarketSim.Grains.RiskShare;

/// <summary>
/// Payment for performance (Better Care Fund): a pot from one partner is released to another in
/// proportion to the cumulative share of a target achieved, quarter by quarter; what is not released
/// returns to the payer. Achievement is the fall in the mean waiting list (people) from a baseline
/// towards a target, the model's measure of delayed transfers of care.
/// </summary>
/// <param name="Payer">Index of the partner the pot comes from.</param>
/// <param name="Recipient">Index of the partner it is released to.</param>
/// <param name="PotGbp">The pot a year.</param>
/// <param name="BaselineWaitingPeople">Mean waiting list that counts as 0% achieved.</param>
/// <param name="TargetWaitingPeople">Mean waiting list that counts as 100% achieved.</param>
public sealed record PaymentForPerformance(int Payer, int Recipient, double PotGbp, double BaselineWaitingPeople, double TargetWaitingPeople);
