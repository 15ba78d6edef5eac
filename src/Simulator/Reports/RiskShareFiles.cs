using System.Globalization;
using System.Text;
using System.Text.Json;
using MarketSim.Simulator.RiskShare;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Writes the risk-share comparison: risk_share.csv (one row per pool, agreement and party),
/// risk_share_differences.csv (one row per pool, pair of agreements and partner) and risk_share.json (both).
/// </summary>
public static class RiskShareFiles
{
    /// <summary>Writes the three files into <paramref name="folder"/>.</summary>
    public static void Write(ResultsFolder folder, RiskShareComparison comparison)
    {
        var utf8 = new UTF8Encoding(false);
        using (var csv = new StreamWriter(folder.File("risk_share.csv"), false, utf8) { NewLine = "\n" })
        {
            csv.WriteLine("pool,agreement,party,runs,mean_liability_gbp,se_gbp,p_any_overspend,threshold_gbp,p_above_threshold,var95_gbp,cvar95_gbp,worst_year_mean_gbp,worst_year_max_gbp,worst_year_var95_gbp,worst_year_cvar95_gbp");
            foreach (var l in comparison.Lines)
            {
                csv.WriteLine(string.Join(",", l.Pool.Id, l.ModelId, l.Party, l.Liability.Count.ToString(CultureInfo.InvariantCulture),
                    Numbers.Exact(l.Liability.Mean), Numbers.Exact(l.Liability.StdError), Numbers.Exact(l.ProbabilityOfLiability),
                    Numbers.Exact(l.Pool.ThresholdGbp), Numbers.Exact(l.ProbabilityAboveThreshold), Numbers.Exact(l.ValueAtRisk),
                    Numbers.Exact(l.ConditionalValueAtRisk), Numbers.Exact(l.WorstYear.Mean), Numbers.Exact(l.WorstYear.Max),
                    Numbers.Exact(l.WorstYearValueAtRisk), Numbers.Exact(l.WorstYearConditionalValueAtRisk)));
            }
        }
        using (var csv = new StreamWriter(folder.File("risk_share_differences.csv"), false, utf8) { NewLine = "\n" })
        {
            csv.WriteLine("pool,agreement_a,agreement_b,partner,runs,mean_difference_gbp,se_gbp,ci95_low_gbp,ci95_high_gbp");
            foreach (var d in comparison.Differences)
            {
                csv.WriteLine(string.Join(",", d.PoolId, d.ModelA, d.ModelB, d.Partner, d.Moments.Count.ToString(CultureInfo.InvariantCulture),
                    Numbers.Exact(d.Moments.Mean), Numbers.Exact(d.StdError), Numbers.Exact(d.Moments.Mean - d.HalfWidth95), Numbers.Exact(d.Moments.Mean + d.HalfWidth95)));
            }
        }
        using var stream = File.Create(folder.File("risk_share.json"));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("alpha", RiskShareComparison.Alpha);
        json.WriteStartArray("liabilities");
        foreach (var l in comparison.Lines)
        {
            json.WriteStartObject();
            json.WriteString("pool", l.Pool.Id);
            json.WriteString("agreement", l.ModelId);
            json.WriteString("agreement_name", l.ModelName);
            json.WriteString("party", l.Party);
            json.WriteNumber("runs", l.Liability.Count);
            json.WriteNumber("mean_liability_gbp", l.Liability.Mean);
            json.WriteNumber("se_gbp", l.Liability.StdError);
            json.WriteNumber("p_any_overspend", l.ProbabilityOfLiability);
            json.WriteNumber("threshold_gbp", l.Pool.ThresholdGbp);
            json.WriteNumber("p_above_threshold", l.ProbabilityAboveThreshold);
            json.WriteNumber("var95_gbp", l.ValueAtRisk);
            json.WriteNumber("cvar95_gbp", l.ConditionalValueAtRisk);
            json.WriteNumber("worst_year_mean_gbp", l.WorstYear.Mean);
            json.WriteNumber("worst_year_max_gbp", l.WorstYear.Max);
            json.WriteNumber("worst_year_var95_gbp", l.WorstYearValueAtRisk);
            json.WriteNumber("worst_year_cvar95_gbp", l.WorstYearConditionalValueAtRisk);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("differences");
        foreach (var d in comparison.Differences)
        {
            json.WriteStartObject();
            json.WriteString("pool", d.PoolId);
            json.WriteString("agreement_a", d.ModelA);
            json.WriteString("agreement_b", d.ModelB);
            json.WriteString("partner", d.Partner);
            json.WriteNumber("runs", d.Moments.Count);
            json.WriteNumber("mean_difference_gbp", d.Moments.Mean);
            json.WriteNumber("se_gbp", d.StdError);
            json.WriteNumber("ci95_low_gbp", d.Moments.Mean - d.HalfWidth95);
            json.WriteNumber("ci95_high_gbp", d.Moments.Mean + d.HalfWidth95);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
