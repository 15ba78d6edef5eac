using System.Text.RegularExpressions;
using MarketSim.Simulator.Reports;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// A block written once and reached through aliases (<c>demand: &amp;demand</c> … <c>*demand</c>) is read
/// once for each entry that uses it, so one mistake in it would be reported once per entry, all at the
/// same line. This keeps one of them and says which entries share the block.
/// </summary>
internal static partial class SharedBlocks
{
    /// <summary>The problems with those at the same place with the same text made one; <paramref name="root"/> gives the ids of the entries named.</summary>
    public static List<ScenarioProblem> Collapse(IEnumerable<ScenarioProblem> problems, YamlNode? root) =>
        [.. problems.Distinct()
            .GroupBy(p => (p.File, p.Line, p.Column, p.Message))
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Message = $"{g.Key.Message} ({Sharers([.. g.Select(p => p.FieldPath)], root)} share this block)" })];

    // The entries whose paths lead to the block: "zones zone_1, zone_2 and zone_3" when they are items of
    // one list with ids, their paths up to the block otherwise.
    private static string Sharers(List<string> paths, YamlNode? root)
    {
        var common = CommonSuffix(paths);
        var heads = paths.Select(p => p[..^common.Length]).ToList();
        var items = heads.Select(h => Item().Match(h)).ToList();
        if (items.All(m => m.Success) && items.Select(m => m.Groups[1].Value).Distinct().Count() == 1)
        {
            var list = items[0].Groups[1].Value;
            var ids = items.Select(m => IdOf(root, list, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
            if (ids.All(id => id is not null))
            {
                return $"{list} {WordList.And(ids!)}";
            }
        }
        return WordList.And(heads);
    }

    private static string CommonSuffix(List<string> paths)
    {
        var suffix = paths[0];
        foreach (var p in paths.Skip(1))
        {
            var n = 0;
            while (n < suffix.Length && n < p.Length && suffix[^(n + 1)] == p[^(n + 1)])
            {
                n++;
            }
            suffix = suffix[^n..];
        }
        var dot = suffix.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? "" : suffix[dot..];
    }

    private static string? IdOf(YamlNode? root, string list, int index) =>
        YamlNodes.Child(root, list) is YamlSequenceNode seq && index < seq.Children.Count ? YamlNodes.Text(seq.Children[index], "id") : null;

    [GeneratedRegex(@"^([a-z_]+)\[(\d+)\]$")]
    private static partial Regex Item();
}
