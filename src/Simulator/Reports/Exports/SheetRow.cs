namespace MarketSim.Simulator.Reports.Exports;

/// <summary>One row of a results.xlsx sheet; header rows are bold.</summary>
/// <param name="Cells">The cells, from column A.</param>
/// <param name="Bold">Whether the row is a header row.</param>
internal sealed record SheetRow(IReadOnlyList<SheetCell> Cells, bool Bold = false);
