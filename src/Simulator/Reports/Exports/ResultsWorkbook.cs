using System.Globalization;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// Writes results.xlsx for finance officers who work in Excel: a Summary sheet (the headline outcomes
/// with labels, units, mean, SE and percentiles, and what was run), the risk-share tables with names,
/// the per-provider, zone and commissioner tables (each table with a row of labels in words above the
/// CSV's column names), every run (the cells of runs.csv) and a key to the runs' columns. Written from
/// the results folder's own CSV files, so its cells are theirs; a file the folder lacks, or with a header
/// and no rows (the differences of a pool with one agreement), has no sheet.
/// </summary>
public static class ResultsWorkbook
{
    /// <summary>The workbook's file name in a results folder.</summary>
    public const string FileName = "results.xlsx";

    /// <summary>Most runs the Runs sheet holds: Excel's row limit less the header row.</summary>
    public const int MaxRunRows = SheetWriter.MaxRows - 1;

    private const string EstimatesNote = "P5, P50 and P95 (the _p5, _p50 and _p95 columns) are P² streaming estimates, not exact quantiles; see docs/outputs.md, \"Per-entity outcomes\".";

    private static readonly (string File, string Sheet, string? Note)[] TableSheets =
    [
        ("risk_share.csv", "Risk share", null),
        ("risk_share_differences.csv", "Risk share differences", "A − B: agreement A's liability minus agreement B's, run by run on the same futures (mean_difference_gbp and its 95% interval); positive: the partner pays more under A. report.html's paired differences have the same sign."),
        ("providers.csv", "Providers", EstimatesNote),
        ("zones.csv", "Zones", "P5, P50 and P95 of unmet hours, peak waiting list, provider exits and weeks without a lead are the exact quantiles of runs.csv; those of the mean waiting list and delivered hours are P² streaming estimates; see docs/outputs.md, \"Per-entity outcomes\"."),
        ("commissioners.csv", "Commissioners", "P5, P50 and P95 are the exact quantiles of runs.csv, as on Summary and Risk share; see docs/outputs.md, \"Per-entity outcomes\"."),
    ];

    /// <summary>Writes results.xlsx into <paramref name="folder"/>, after runs.csv and the other CSV files are complete.</summary>
    public static void Write(ResultsFolder folder, MarketScenario scenario, ulong seed, OutcomeSummary summary, IReadOnlyList<UncertainInput> inputs) =>
        Write(folder.File(FileName), folder.Staging, scenario, seed, summary, inputs, MaxRunRows);

    /// <summary>
    /// Writes <paramref name="path"/> from the CSV files in <paramref name="csvFolder"/>; the Runs sheet holds at most <paramref name="maxRunRows"/>
    /// runs and <paramref name="maxColumns"/> of runs.csv's columns (<see cref="RunsSheet.Kept"/>).
    /// </summary>
    internal static void Write(string path, string csvFolder, MarketScenario scenario, ulong seed, OutcomeSummary summary, IReadOnlyList<UncertainInput> inputs, long maxRunRows,
        int maxColumns = SheetWriter.MaxColumns)
    {
        var styles = new WorkbookStyles();
        var runRows = Math.Min(summary.Runs, maxRunRows);
        var names = new ScenarioNames(scenario);
        var labels = new TableLabels(scenario);
        var sheets = new List<(string Name, Action<Stream> Write)>
        {
            ("Summary", part => SummarySheet.Write(part, styles, scenario, seed, summary, runRows, RunsSheet.LeftOut(summary.Schema, RunsSheet.Kept(summary.Schema, maxColumns)))),
        };
        foreach (var (file, sheet, tableNote) in TableSheets)
        {
            var csv = Path.Combine(csvFolder, file);
            // The Commissioners sheet's labels ("Spend, mean (£)") leave out the period, which is the horizon's, not a year's.
            var note = sheet == "Commissioners" ? $"Spend, overspend, costs and liabilities are totals over the {SummarySentences.Horizon(scenario)}, not a year's. {tableNote}" : tableNote;
            if (File.Exists(csv) && CsvRows.Read(csv).Skip(1).Any())
            {
                sheets.Add((sheet, part => new CsvSheet(csv, names, note, column => labels.Of(file, column)).Write(part, styles)));
            }
        }
        sheets.Add(("Runs", part => RunsSheet.Write(part, styles, Path.Combine(csvFolder, "runs.csv"), summary, inputs, runRows, maxColumns)));
        sheets.Add(("Columns", part => RunsSheet.WriteKey(part, styles, scenario, summary, inputs, maxColumns)));
        using var package = new XlsxPackage(path, [.. sheets.Select(s => s.Name)]);
        foreach (var (_, write) in sheets)
        {
            write(package.NextSheet());
        }
        package.Finish(styles.Build());
    }

    /// <summary>A seed as a cell: a number while a double holds it exactly, otherwise its digits as text.</summary>
    internal static SheetCell Seed(ulong seed) =>
        seed <= 1UL << 53 ? SheetCell.Of(seed, "0") : SheetCell.Of(seed.ToString(CultureInfo.InvariantCulture));
}
