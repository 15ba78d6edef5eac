using System.Globalization;
using System.Text;

namespace MarketSim.Benchmarks.Macro;

/// <summary>
/// A large market written as scenario YAML: 150 zones, 2,000 providers (a lead per zone, 1,800 framework
/// providers and 50 spot providers, each of these serving 3 neighbouring zones), 10 years, with Doncaster's
/// package sizes and lengths, growth, winter, workforce and failure. Capacities scale with the service
/// users, so the market's shape stays the same as it grows: leads 60% of demand, framework 45%, spot 5%.
/// </summary>
internal static class LargeMarket
{
    public const int Zones = 150;
    public const int Leads = Zones;
    public const int Framework = 1800;
    public const int Spot = 50;
    private const int ZonesPerProvider = 3;
    private const double MeanWeeklyHours = 9.5;
    private const double MeanPackageWeeks = 52;

    /// <summary>The scenario's YAML for <paramref name="serviceUsers"/> people with a package at the start (across all zones).</summary>
    public static string Yaml(int serviceUsers)
    {
        var perZone = serviceUsers / Zones;
        var demandHours = (double)perZone * Zones * MeanWeeklyHours;
        var y = new StringBuilder();
        y.AppendLine(CultureInfo.InvariantCulture, $"name: Large market, {serviceUsers} service users (benchmark)");
        y.AppendLine("start_date: { value: 2016-11-01, source: \"benchmark: Doncaster's start\" }");
        y.AppendLine("horizon_years: 10");
        y.AppendLine("time_step: week");
        y.AppendLine("zones:");
        for (var z = 0; z < Zones; z++)
        {
            y.AppendLine(CultureInfo.InvariantCulture, $"  - id: {ZoneId(z)}");
            y.AppendLine("    demand:");
            y.AppendLine(CultureInfo.InvariantCulture, $"      starting_caseload_people: {{ value: {perZone}, source: \"benchmark\" }}");
            y.AppendLine(CultureInfo.InvariantCulture, $"      weekly_referrals_people: {{ value: {Number(perZone / MeanPackageWeeks)}, source: \"benchmark: steady state\" }}");
            y.AppendLine("      annual_growth: { value: 0.02, source: \"benchmark: as Doncaster\" }");
            y.AppendLine("      winter: { amplitude: 0.1, peak_week_of_year: 1, source: \"benchmark: as Doncaster\" }");
            y.AppendLine("      weekly_hours: { distribution: gamma, mean: 9.5, sd: 6.5, source: \"benchmark: as Doncaster\" }");
            y.AppendLine("      package_length_weeks: { distribution: exponential, mean: 52, source: \"benchmark: as Doncaster\" }");
            y.AppendLine("      funding_mix: { council: 1.0, source: \"benchmark\" }");
        }
        y.AppendLine("provider_defaults:");
        y.AppendLine("  workforce: { contact_hours_per_worker_per_week: 22, annual_turnover: 0.30, recruitment_wage_elasticity: 2, gap_closing_weeks: 13, source: \"benchmark: as Doncaster\" }");
        y.AppendLine("  failure: { reserves_gbp: 15000, hazard_per_year: 0.03, notice_weeks: 4, embargo: { hazard_per_year: 0.05, weeks: 12 }, source: \"benchmark: as Doncaster\" }");
        y.AppendLine("providers:");
        for (var z = 0; z < Leads; z++)
        {
            Provider(y, $"lead_{z:D3}", "lead", [ZoneId(z)], 0.6 * demandHours / Leads, 14.36);
        }
        for (var f = 0; f < Framework; f++)
        {
            Provider(y, $"framework_{f:D4}", "framework", Neighbours(f % Zones), 0.45 * demandHours / Framework, 14.36);
        }
        for (var s = 0; s < Spot; s++)
        {
            Provider(y, $"spot_{s:D2}", "spot", Neighbours(s * ZonesPerProvider), 0.05 * demandHours / Spot, 17.23);
        }
        y.AppendLine("commissioners:");
        y.AppendLine("  - id: council");
        y.AppendLine("    funds: [council]");
        y.AppendLine(CultureInfo.InvariantCulture, $"    annual_budgets_gbp: [{{ value: {Number(Math.Round(demandHours * 14.36 * 52))}, source: \"benchmark: demand at the standard rate\" }}]");
        return y.ToString();
    }

    private static void Provider(StringBuilder y, string id, string role, string[] zones, double capacityWeeklyHours, double rate) =>
        y.AppendLine(CultureInfo.InvariantCulture,
            $"  - {{ id: {id}, role: {role}, zones: [{string.Join(", ", zones)}], capacity_weekly_hours: {Number(Math.Round(capacityWeeklyHours, 2))}, rate_gbp_per_hour: {Number(rate)}, source: \"benchmark\" }}");

    private static string[] Neighbours(int first) => [.. Enumerable.Range(first, ZonesPerProvider).Select(z => ZoneId(z % Zones))];

    private static string ZoneId(int z) => $"zone_{z:D3}";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
