using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// The Runs sheet of results.xlsx, streamed from runs.csv (the same header and numbers, at most
/// Excel's row limit of runs), and the Columns sheet: each runs.csv column's label, unit, description
/// (in the report's words) and its type in runs.parquet.
/// </summary>
internal static class RunsSheet
{
    public static void Write(Stream part, WorkbookStyles styles, string runsCsv, OutcomeSummary summary, IReadOnlyList<UncertainInput> inputs, long runRows)
    {
        var columns = summary.Schema.Columns;
        var formats = new List<string?> { ExportColumns.ExcelFormat(ExportColumns.Run) };
        formats.AddRange(columns.Select(c => ExportColumns.ExcelFormat(c.Name, c.Unit, ExportColumns.IsWholeNumber(c.Name, inputs))));
        var widths = new ColumnWidths();
        widths.Fit(0, SheetCell.Of(ExportColumns.Run), null, bold: true);
        widths.Fit(0, SheetCell.Of(Math.Max(0, runRows - 1)), formats[0]);
        for (var c = 0; c < columns.Count; c++)
        {
            widths.Fit(c + 1, SheetCell.Of(columns[c].Name), null, bold: true);
            var m = summary.Moments[c];
            if (m.Count > 0)
            {
                widths.Fit(c + 1, SheetCell.Of(m.Min), formats[c + 1]);
                widths.Fit(c + 1, SheetCell.Of(m.Max), formats[c + 1]);
            }
        }
        SheetWriter.Write(part, styles, formats, widths.Widths, 1, Rows(runsCsv, runRows));
    }

    public static void WriteKey(Stream part, WorkbookStyles styles, MarketScenario scenario, OutcomeSummary summary, IReadOnlyList<UncertainInput> inputs)
    {
        var labels = new OutcomeLabels(scenario);
        var rows = new List<SheetRow>
        {
            new([.. new[] { "Column", "Label", "Unit", "Description", "runs.parquet type" }.Select(SheetCell.Of)], Bold: true),
            new([SheetCell.Of(ExportColumns.Run), SheetCell.Of("Run"), SheetCell.Of("index"), SheetCell.Of("Run index k; the run's random numbers come from (seed, k) alone"), SheetCell.Of("int64")]),
        };
        rows.AddRange(summary.Schema.Columns.Select(c => new SheetRow(
        [
            SheetCell.Of(c.Name),
            SheetCell.Of(labels.Label(c)),
            SheetCell.Of(SummarySheet.Unit(c.Unit)),
            SheetCell.Of(c.Description),
            SheetCell.Of(ExportColumns.IsWholeNumber(c.Name, inputs) ? "int64 (null when empty)" : "double (null when empty)"),
        ])));
        var widths = new ColumnWidths();
        string?[] formats = [null, null, null, null, null];
        foreach (var row in rows)
        {
            widths.Fit(row, formats);
        }
        SheetWriter.Write(part, styles, formats, widths.Widths, 1, rows);
    }

    private static IEnumerable<SheetRow> Rows(string runsCsv, long runRows)
    {
        var row = -1L;
        foreach (var fields in CsvRows.Read(runsCsv))
        {
            if (row++ == runRows)
            {
                yield break;
            }
            yield return row == 0
                ? new SheetRow([.. fields.Select(SheetCell.Of)], Bold: true)
                : new SheetRow([.. fields.Select(SheetCell.Exact)]);
        }
    }
}
