namespace MarketSim.Simulator.Reports;

/// <summary>Items in a sentence, as a person lists them: "a", "a and b", "a, b and c".</summary>
internal static class WordList
{
    /// <summary>The items joined by commas, the last by "and".</summary>
    public static string And(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
}
