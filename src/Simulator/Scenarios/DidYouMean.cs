namespace MarketSim.Simulator.Scenarios;

/// <summary>Suggests the nearest allowed name for a misspelt one, by edit distance, or for a word statisticians use for it (low for min).</summary>
public static class DidYouMean
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["low"] = "min",
        ["lower"] = "min",
        ["minimum"] = "min",
        ["high"] = "max",
        ["upper"] = "max",
        ["maximum"] = "max",
        ["average"] = "mean",
        ["avg"] = "mean",
        ["mu"] = "mean",
        ["std"] = "sd",
        ["stdev"] = "sd",
        ["stddev"] = "sd",
        ["sigma"] = "sd",
        ["likeliest"] = "mode",
        ["peak"] = "mode",
    };

    /// <summary>
    /// The candidate <paramref name="word"/> is another word for (low for min, stdev for sd), or else the closest within a
    /// third of the word's length (at least 2 edits), or null.
    /// </summary>
    public static string? Suggest(string word, IEnumerable<string> candidates)
    {
        var all = candidates as IReadOnlyCollection<string> ?? [.. candidates];
        if (Synonyms.TryGetValue(word, out var synonym) && all.Contains(synonym, StringComparer.Ordinal))
        {
            return synonym;
        }
        candidates = all;
        var limit = Math.Max(2, word.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(word, c);
            if (d <= limit && d < bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary>
    /// The end of a message about a name that is not one of <paramref name="candidates"/>: "; did you mean 'x'?
    /// allowed: …" when one is close, "; allowed: …" otherwise, so every such message reads the same.
    /// </summary>
    public static string Allowed(string word, IEnumerable<string> candidates, string allowed) =>
        Suggest(word, candidates) is { } s ? $"; did you mean '{s}'? allowed: {allowed}" : $"; allowed: {allowed}";

    /// <summary>Levenshtein distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
