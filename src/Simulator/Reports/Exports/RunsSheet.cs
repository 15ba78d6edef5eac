using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// The Runs sheet of results.xlsx, streamed from runs.csv (the same header and numbers, at most
/// Excel's row limit of runs and its column limit of columns), and the Columns sheet: each runs.csv
/// column's label, unit, description (in the report's words) and its type in runs.parquet.
/// </summary>
internal static class RunsSheet
{
    public static void Write(Stream part, WorkbookStyles styles, string runsCsv, OutcomeSummary summary, IReadOnlyList<UncertainInput> inputs, long runRows, int maxColumns)
    {
        var columns = summary.Schema.Columns;
        var kept = Kept(summary.Schema, maxColumns);
        var formats = new List<string?>();
        var widths = new ColumnWidths();
        for (var k = 0; k < kept.Length; k++)
        {
            if (kept[k] == 0)
            {
                formats.Add(ExportColumns.ExcelFormat(ExportColumns.Run));
                widths.Fit(k, SheetCell.Of(ExportColumns.Run), null, bold: true);
                widths.Fit(k, SheetCell.Of(Math.Max(0, runRows - 1)), formats[k]);
                continue;
            }
            var c = kept[k] - 1;
            formats.Add(ExportColumns.ExcelFormat(columns[c].Name, columns[c].Unit, ExportColumns.IsWholeNumber(columns[c].Name, inputs)));
            widths.Fit(k, SheetCell.Of(columns[c].Name), null, bold: true);
            var m = summary.Moments[c];
            if (m.Count > 0)
            {
                widths.Fit(k, SheetCell.Of(m.Min), formats[k]);
                widths.Fit(k, SheetCell.Of(m.Max), formats[k]);
            }
        }
        var note = LeftOut(summary.Schema, kept);
        IEnumerable<SheetRow> above = note is null ? [] : [new SheetRow([SheetCell.Of(note)])];
        SheetWriter.Write(part, styles, formats, widths.Widths, above.Count() + 1, above.Concat(Rows(runsCsv, runRows, kept.Length == columns.Count + 1 ? null : kept)));
    }

    /// <summary>
    /// The runs.csv columns (0 for <c>run</c>, then 1 + the schema's index) the Runs sheet keeps, in runs.csv's order: every
    /// one when they fit in <paramref name="maxColumns"/>; otherwise <c>run</c> and every whole-market column (a name without
    /// __, and the sampled inputs), then the per-zone, per-commissioner and per-pool columns in runs.csv's order while they fit.
    /// </summary>
    public static int[] Kept(OutcomeSchema schema, int maxColumns)
    {
        var all = schema.Count + 1;
        if (all <= maxColumns)
        {
            return [.. Enumerable.Range(0, all)];
        }
        bool Market(int i) => i == 0 || i - 1 >= schema.InputStart || !schema.Columns[i - 1].Name.Contains("__", StringComparison.Ordinal);
        var market = Enumerable.Range(0, all).Where(Market).ToList();
        var entities = Enumerable.Range(0, all).Where(i => !Market(i)).Take(Math.Max(0, maxColumns - market.Count));
        return [.. market.Concat(entities).Order()];
    }

    /// <summary>
    /// What the Runs sheet leaves out of runs.csv past Excel's column limit, for a note on the Runs and Columns sheets and a
    /// row of Summary; null when it keeps every column.
    /// </summary>
    public static string? LeftOut(OutcomeSchema schema, int[] kept)
    {
        var all = schema.Count + 1;
        if (kept.Length == all)
        {
            return null;
        }
        var keep = kept.ToHashSet();
        var left = Enumerable.Range(0, all).Where(i => !keep.Contains(i)).Select(i => schema.Columns[i - 1].Name).ToList();
        return $"runs.csv has {all:N0} columns, more than a sheet holds ({SheetWriter.MaxColumns:N0}, Excel's limit): this sheet has the {kept.Length:N0} that fit, every whole-market column first, "
            + $"and leaves out the last {left.Count:N0} per-entity columns ({left[0]} to {left[^1]}); runs.csv and runs.parquet have them all.";
    }

    public static void WriteKey(Stream part, WorkbookStyles styles, MarketScenario scenario, OutcomeSummary summary, IReadOnlyList<UncertainInput> inputs, int maxColumns)
    {
        var labels = new OutcomeLabels(scenario, inputs);
        var note = LeftOut(summary.Schema, Kept(summary.Schema, maxColumns));
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
        if (note is not null)
        {
            rows.Insert(0, new SheetRow([SheetCell.Of("On the Runs sheet: " + note)]));
        }
        SheetWriter.Write(part, styles, formats, widths.Widths, note is null ? 1 : 2, rows);
    }

    private static IEnumerable<SheetRow> Rows(string runsCsv, long runRows, int[]? kept)
    {
        var row = -1L;
        foreach (var all in CsvRows.Read(runsCsv))
        {
            var fields = kept is null ? all : [.. kept.Select(k => all[k])];
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
