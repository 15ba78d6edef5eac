using System.Globalization;
using System.Text;
using MarketSim.Simulator.Drivers;

namespace MarketSim.Simulator.Reports;

/// <summary>input_sensitivity.csv: one row per headline outcome and uncertain input, the rank-based global sensitivity of the one simulation.</summary>
public static class InputDriversCsv
{
    /// <summary>The header, in column order.</summary>
    public const string Header = "outcome,input,runs,spearman,spearman_ci95_low,spearman_ci95_high,srrc,srrc_ci95_low,srrc_ci95_high,rank_r_squared,contribution_to_variance,tornado_rank,note";

    /// <summary>Writes <paramref name="drivers"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<OutcomeDrivers> drivers)
    {
        using var csv = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        csv.WriteLine(Header);
        foreach (var d in drivers)
        {
            foreach (var i in d.Result.Inputs)
            {
                csv.WriteLine(string.Join(",", d.Outcome.Name, i.Name, d.Result.RunsUsed.ToString(CultureInfo.InvariantCulture),
                    Numbers.Exact(i.Spearman), Numbers.Exact(i.SpearmanInterval.Low), Numbers.Exact(i.SpearmanInterval.High),
                    Numbers.Exact(i.Srrc), Numbers.Exact(i.SrrcInterval.Low), Numbers.Exact(i.SrrcInterval.High),
                    Numbers.Exact(d.Result.RankRSquared), Numbers.Exact(i.ContributionToVariance),
                    i.TornadoRank.ToString(CultureInfo.InvariantCulture), CsvField.Of(i.Note ?? "")));
            }
        }
    }
}
