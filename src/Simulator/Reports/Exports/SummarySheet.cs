using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// The Summary sheet of results.xlsx: what was run (scenario, seed, runs, horizon), then, under the title
/// report.html gives them ("Headline outcomes over the 5-year horizon"), one row per headline outcome: its label (as in the report), unit, runs with a value, mean, standard error, P5, P50 and P95, and
/// its runs.csv column. The rows down to the table's header stay in view.
/// </summary>
internal static class SummarySheet
{
    private static readonly string?[] Formats = [null, null, "#,##0", null, null, null, null, null, null];

    public static void Write(Stream part, WorkbookStyles styles, MarketScenario scenario, ulong seed, OutcomeSummary summary, long runRows, string? columnsLeftOut)
    {
        var rows = new List<SheetRow>
        {
            Info("Scenario", SheetCell.Of(scenario.Name)),
            Info("Seed", ResultsWorkbook.Seed(seed)),
            Info("Runs", SheetCell.Of(summary.Runs, "#,##0")),
            Info("Horizon (weeks)", SheetCell.Of(scenario.HorizonWeeks, "#,##0")),
            Info("Horizon (model years of 52 weeks)", SheetCell.Of(scenario.HorizonWeeks / (double)MarketScenario.WeeksPerYear, "0.0#")),
            Info("Start date", SheetCell.Of(scenario.StartDate)),
            Info("Engine version", SheetCell.Of(Manifest.EngineVersion)),
        };
        if (runRows < summary.Runs)
        {
            rows.Add(Info("Runs sheet", SheetCell.Of($"the first {runRows:N0} of {summary.Runs:N0} runs (Excel's row limit); every run is in runs.csv and runs.parquet")));
        }
        if (columnsLeftOut is not null)
        {
            rows.Add(Info("Runs sheet columns", SheetCell.Of(columnsLeftOut)));
        }
        var info = rows.Count;
        rows.Add(new SheetRow([]));
        rows.Add(new SheetRow([SheetCell.Of(SummaryHtml.HeadlineTitle(scenario))], Bold: true));
        rows.Add(new SheetRow([.. new[] { "Outcome", "Unit", "Runs with a value", "Mean", "SE", "P5", "P50", "P95", "Column" }.Select(SheetCell.Of)], Bold: true));
        var frozen = rows.Count;
        var labels = new OutcomeLabels(scenario);
        for (var c = 0; c < summary.Schema.Count; c++)
        {
            var column = summary.Schema.Columns[c];
            if (!column.Headline)
            {
                continue;
            }
            var m = summary.Moments[c];
            var format = ExportColumns.UnitFormat(column.Unit);
            var has = m.Count > 0;
            rows.Add(new SheetRow(
            [
                SheetCell.Of(labels.Label(column)),
                SheetCell.Of(Unit(column.Unit)),
                SheetCell.Of(m.Count),
                SheetCell.Of(has ? m.Mean : double.NaN, format),
                SheetCell.Of(has ? m.StdError : double.NaN, format),
                SheetCell.Of(has ? summary.Quantile(c, 0.05) ?? double.NaN : double.NaN, format),
                SheetCell.Of(has ? summary.Quantile(c, 0.5) ?? double.NaN : double.NaN, format),
                SheetCell.Of(has ? summary.Quantile(c, 0.95) ?? double.NaN : double.NaN, format),
                SheetCell.Of(column.Name),
            ]));
        }
        var widths = new ColumnWidths();
        foreach (var row in rows.Skip(frozen - 1))
        {
            widths.Fit(row, Formats);
        }
        widths.Fit(0, rows.Take(info).Max(r => r.Cells[0].Text!.Length));
        // Text beside a name may run on into the empty cells to its right, but a number or date too wide for its column shows as ####.
        foreach (var row in rows.Take(info).Where(r => r.Cells[1].Text is null))
        {
            widths.Fit(1, row.Cells[1], null);
        }
        SheetWriter.Write(part, styles, Formats, widths.Widths, frozen, rows);
    }

    /// <summary>A unit for people, as the report writes it (£, £ an hour, …); a fraction, which the sheets show as a percentage, says so.</summary>
    public static string Unit(string unit) => unit == "fraction" ? "fraction, shown as %" : OutcomeLabels.Unit(unit);

    private static SheetRow Info(string name, SheetCell value) => new([SheetCell.Of(name), value]);
}
