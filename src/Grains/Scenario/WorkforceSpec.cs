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
/// <param name="Recruiting">False for a provider winding down (it lost the tender): nobody is recruited and its workforce decays with turnover.</param>
/// <param name="OvertimeShare">How far over its capacity a provider stretches (overtime) before it returns packages (0.1 = 10%).</param>
public sealed record WorkforceSpec(
    double ContactHoursPerWorkerPerWeek,
    double AnnualTurnover,
    double RecruitmentWageElasticity,
    double GapClosingWeeks,
    double StartingShare,
    bool Recruiting = true,
    double OvertimeShare = 0.1);
