using System.Globalization;
using System.Text;

namespace MarketSim.Tests.Support;

/// <summary>
/// A scenario of many small zones, each with a lead provider that fails at <c>hazard</c> a year and a spot
/// provider serving all, one year: enough zones that lose their lead to outgrow the console's tables.
/// </summary>
public static class ManyZoneMarket
{
    /// <summary>Writes the scenario into a new temporary folder and returns its path.</summary>
    public static string Write(int zones, double hazard, string name = "many-zones")
    {
        var y = new StringBuilder();
        y.AppendLine(CultureInfo.InvariantCulture, $"name: Many zones, hazard {hazard}");
        y.AppendLine("start_date: { value: 2024-04-01, source: \"test\" }");
        y.AppendLine("horizon_years: 1");
        y.AppendLine("time_step: week");
        y.AppendLine("zones:");
        for (var z = 0; z < zones; z++)
        {
            y.AppendLine(CultureInfo.InvariantCulture, $"  - id: zone_{z:D2}");
            y.AppendLine(CultureInfo.InvariantCulture, $"    name: Zone {z:D2}");
            y.AppendLine("    demand:");
            y.AppendLine("      starting_caseload_people: { value: 5, source: \"test\" }");
            y.AppendLine("      weekly_referrals_people: { value: 0.1, source: \"test\" }");
            y.AppendLine("      weekly_hours: { distribution: gamma, mean: 9.5, sd: 6.5, source: \"test\" }");
            y.AppendLine("      package_length_weeks: { distribution: exponential, mean: 50, source: \"test\" }");
            y.AppendLine("      funding_mix: { council: 1.0, source: \"test\" }");
        }
        y.AppendLine(CultureInfo.InvariantCulture, $"provider_defaults:\n  failure: {{ hazard_per_year: {hazard.ToString(CultureInfo.InvariantCulture)}, notice_weeks: 4, source: \"test\" }}");
        y.AppendLine("providers:");
        for (var z = 0; z < zones; z++)
        {
            y.AppendLine(CultureInfo.InvariantCulture, $"  - {{ id: lead_{z:D2}, name: Lead {z:D2}, role: lead, zones: [zone_{z:D2}], capacity_weekly_hours: {{ value: 60, source: \"test\" }}, rate_gbp_per_hour: {{ value: 20, source: \"test\" }} }}");
        }
        y.AppendLine("  - { id: spot, name: Spot purchases, role: spot, zones: all, capacity_weekly_hours: { value: 200, source: \"test\" }, rate_gbp_per_hour: { value: 24, source: \"test\" } }");
        y.AppendLine("commissioners:");
        y.AppendLine("  - { id: council, name: The council, funds: [council], annual_budgets_gbp: [{ value: 500000, source: \"test\" }] }");
        var path = Path.Combine(Repo.TempDir(), name + ".yaml");
        File.WriteAllText(path, y.ToString());
        return path;
    }
}
