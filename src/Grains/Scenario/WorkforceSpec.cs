namespace MarketSim.Grains.Scenario;

/// <summary>
/// Where a provider's capacity comes from: care workers, each delivering so many contact hours a
/// week, leaving at the turnover rate and recruited in response to the care wage against the outside wage.
/// </summary>
/// <param name="ContactHoursPerWorkerPerWeek">Paid contact hours a care worker delivers a week.</param>
/// <param name="AnnualTurnover">Share of care workers leaving in a year (home care runs around 0.3).</param>
/// <param name="RecruitmentWageElasticity">Recruitment × (1 + ε (care wage − outside wage) / outside wage), kept within 0..3.</param>
/// <param name="GapClosingWeeks">Time constant over which recruitment closes a gap below the target workforce (weeks).</param>
/// <param name="StartingShare">Share of the target workforce in post at week 0 (below 1 for a provider mobilising in a new area).</param>
public sealed record WorkforceSpec(
    double ContactHoursPerWorkerPerWeek,
    double AnnualTurnover,
    double RecruitmentWageElasticity,
    double GapClosingWeeks,
    double StartingShare);
