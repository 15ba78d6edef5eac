using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Workbench.Levers;

/// <summary>
/// Renames a risk-share agreement whose terms a variant changes when its name states numbers ("Fixed 50 : 50"),
/// so summary.json and the Finance page do not report the new terms under the old ones: a fixed split named by
/// its shares is named by the new shares ("Fixed 60 : 40"); any other gets " (changed: …)" with the new values.
/// </summary>
internal static partial class AgreementName
{
    /// <summary>
    /// Renames each agreement of <paramref name="changes"/> (the agreement's stable path → its changed terms, as the
    /// rest of the path after it, with the text typed) in <paramref name="tree"/>, where its name holds a digit.
    /// </summary>
    public static void Rename(ScenarioTree tree, IReadOnlyDictionary<string, List<(string Term, string Text)>> changes)
    {
        foreach (var (path, terms) in changes)
        {
            if (tree.MappingAt(path) is not { } agreement || tree.TextAt(path, "name") is not { } name || !name.Any(char.IsAsciiDigit))
            {
                continue;
            }
            var renamed = tree.TextAt(path, "type") == "fixed_shares" && FixedSplit().IsMatch(name) && Shares(tree, $"{path}.shares") is { Count: > 0 } shares
                ? "Fixed " + string.Join(" : ", shares.Select(s => (s * 100).ToString("0.##", CultureInfo.InvariantCulture)))
                : $"{name} (changed: {string.Join(", ", Describe(tree, path, terms))})";
            agreement.Children[new YamlScalarNode("name")] = new YamlScalarNode(renamed) { Style = ScalarStyle.DoubleQuoted };
        }
    }

    /// <summary>The agreement a stable path lies in and the term's path inside it, or null when it is not an agreement's term.</summary>
    public static (string Agreement, string Term)? Of(string stablePath) =>
        AgreementTerm().Match(stablePath) is { Success: true } m ? (m.Groups[1].Value, m.Groups[2].Value) : null;

    // The changed terms in a few words each, a list of shares once with every share: "shares 0.6 / 0.4", "band 2 up to 500000", "underspend share 0.7".
    private static IEnumerable<string> Describe(ScenarioTree tree, string path, List<(string Term, string Text)> terms)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (term, text) in terms)
        {
            var parts = term.Split('.');
            var words = parts switch
            {
                ["shares", _] => $"shares {string.Join(" / ", Texts(tree, $"{path}.shares"))}",
                [var tier, "shares", _] => $"band {Band(tier)} shares {string.Join(" / ", Texts(tree, $"{path}.{tier}.shares"))}",
                [var tier, "up_to_gbp"] => $"band {Band(tier)} up to {text}",
                ["caps", var who, "percent_of_contribution"] => $"{Partner(tree, who)} cap {text}%",
                ["caps", var who, "gbp"] => $"{Partner(tree, who)} cap {text}",
                ["contingency_gbp", var who] => $"{Partner(tree, who)} contingency {text}",
                _ => $"{string.Join(" ", parts).Replace('_', ' ').Replace(" gbp", "", StringComparison.Ordinal)} {(text.Length == 0 ? "none" : text)}",
            };
            if (seen.Add(words))
            {
                yield return words;
            }
        }
    }

    private static string Partner(ScenarioTree tree, string id) => tree.TextAt($"commissioners.{id}", "name") ?? id;

    private static string Band(string tier) => (int.Parse(tier[6..^1], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);

    private static List<string> Texts(ScenarioTree tree, string sharesPath) =>
        tree.MappingAt(sharesPath) is { } shares
            ? [.. shares.Children.Keys.OfType<YamlScalarNode>().Select(k => tree.TextAt(sharesPath, k.Value!) ?? "")]
            : [];

    private static List<double> Shares(ScenarioTree tree, string sharesPath)
    {
        var texts = Texts(tree, sharesPath);
        var values = texts.Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN).ToList();
        return values.Any(double.IsNaN) ? [] : values;
    }

    [GeneratedRegex(@"^(pooled_budgets\.[a-z0-9_]+\.risk_share_models\.[a-z0-9_]+)\.(.+)$")]
    private static partial Regex AgreementTerm();

    [GeneratedRegex(@"^Fixed \d+(\.\d+)?( : \d+(\.\d+)?)+$")]
    private static partial Regex FixedSplit();
}
