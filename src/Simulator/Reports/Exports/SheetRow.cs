namespace MarketSim.Simulator.Reports.Exports;

/// <summary>One row of a results.xlsx sheet; header rows are bold.</summary>
/// <param name="Cells">The cells, from column A.</param>
/// <param name="Bold">Whether the row is a header row.</param>
/// <param name="Wrap">Whether its text wraps within its columns' widths (a row of labels longer than the columns' contents).</param>
internal sealed record SheetRow(IReadOnlyList<SheetCell> Cells, bool Bold = false, bool Wrap = false);
