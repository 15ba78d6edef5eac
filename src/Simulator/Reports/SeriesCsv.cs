using System.Text;
using MarketSim.Grains.Outcomes;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Writes series.csv, the monthly fan-chart data: one row per series and model month, with the
/// month's end date, mean, sd and the P5, P25, P50, P75 and P95 bands over runs (see <see cref="SeriesSummary.Bands"/>).
/// </summary>
public static class SeriesCsv
{
    /// <summary>Writes the summary to <paramref name="path"/>.</summary>
    public static void Write(string path, SeriesSummary summary)
    {
        var schema = summary.Schema;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("series,unit,month,month_end_date,runs,mean,sd,p5,p25,p50,p75,p95");
        for (var s = 0; s < OutcomeSchema.Series.Count; s++)
        {
            var series = OutcomeSchema.Series[s];
            for (var m = 0; m < schema.Months; m++)
            {
                var cell = (s * schema.Months) + m;
                var moments = summary.Moments[cell];
                var date = schema.StartDate.AddDays((7 * (OutcomeSchema.MonthEndWeek(m) + 1)) - 1);
                var line = new StringBuilder()
                    .Append(series.Name).Append(',').Append(series.Unit).Append(',').Append(m + 1).Append(',')
                    .Append(date.ToString("yyyy-MM-dd")).Append(',').Append(moments.Count).Append(',')
                    .Append(Numbers.Exact(moments.Count > 0 ? moments.Mean : double.NaN)).Append(',')
                    .Append(Numbers.Exact(moments.Count > 0 ? moments.StdDev : double.NaN));
                foreach (var band in summary.Bands(cell))
                {
                    line.Append(',').Append(Numbers.Exact(band));
                }
                writer.WriteLine(line);
            }
        }
    }
}
