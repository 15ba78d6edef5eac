using System.Globalization;
using MarketSim.Simulator.Scenarios;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Every input of a scenario with its value, unit and source, read from the scenario's YAML (as run),
/// for the report's "Assumptions": a mapping's <c>source:</c> covers its fields that have none of
/// their own; <c>{ value, source }</c> and distributions are one input each.
/// </summary>
public static class ScenarioAssumptions
{
    private static readonly HashSet<string> Skipped = ["name", "description", "id", "sources", "source", "base"];

    /// <summary>An agreement's fields whose keys are partners' ids (<c>caps: { dorset_ccg: … }</c>): labelled by the partner's name.</summary>
    private static readonly HashSet<string> KeyedByPartner = ["shares", "caps", "contingency_gbp"];

    /// <summary>
    /// The inputs of the scenario <paramref name="yaml"/>, in file order. With <paramref name="partnerName"/> (a commissioner's
    /// name from its id, or null), a key that is a partner's id (<c>caps</c>, <c>shares</c>, <c>contingency_gbp</c>) is labelled
    /// by the partner's name ("caps › Dorset CCG (Continuing Healthcare) › percent of contribution"), not by its id.
    /// </summary>
    public static IReadOnlyList<ScenarioAssumption> Read(string yaml, Func<string, string?>? partnerName = null)
    {
        var list = new List<ScenarioAssumption>();
        if (Root(yaml) is { } root)
        {
            Walk(root, "", "", null, list, partnerName ?? (_ => null));
        }
        return list;
    }

    /// <summary>The documents in the scenario's <c>sources:</c> list.</summary>
    public static IReadOnlyList<ScenarioDocumentCited> Documents(string yaml)
    {
        if (Root(yaml) is not { } root || !root.Children.TryGetValue(new YamlScalarNode("sources"), out var node) || node is not YamlSequenceNode items)
        {
            return [];
        }
        return [.. items.OfType<YamlMappingNode>().Select(m => new ScenarioDocumentCited(Text(m, "id"), Text(m, "file"), Text(m, "title")))];
    }

    private static YamlMappingNode? Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
    }

    private static void Walk(YamlNode node, string path, string label, string? source, List<ScenarioAssumption> list, Func<string, string?> partnerName)
    {
        switch (node)
        {
            case YamlMappingNode map when IsLeaf(map):
                var own = Text(map, "source");
                var value = map.Children.TryGetValue(new YamlScalarNode("value"), out var v) ? Render(v) : Distribution(map);
                Add(list, path, label, value, own.Length > 0 ? own : source);
                break;
            case YamlMappingNode map:
                var covering = Text(map, "source") is { Length: > 0 } s ? s : source;
                var byPartner = KeyedByPartner.Contains(path[(path.LastIndexOf('.') + 1)..]);
                foreach (var (key, child) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    if (!Skipped.Contains(name))
                    {
                        var words = (byPartner ? partnerName(name) : null) ?? FieldLabels.Field(name);
                        Walk(child, Join(path, name), Join(label, words, " › "), covering, list, partnerName);
                    }
                }
                break;
            case YamlSequenceNode sequence when sequence.All(n => n is YamlScalarNode):
                Add(list, path, label, Render(sequence), source);
                break;
            case YamlSequenceNode sequence:
                var i = 0;
                foreach (var item in sequence)
                {
                    var itemName = item is YamlMappingNode m ? First(Text(m, "name"), Text(m, "id"), $"{i + 1}") : $"{i + 1}";
                    Walk(item, $"{path}[{i}]", Join(label, itemName, " › "), source, list, partnerName);
                    i++;
                }
                break;
            default:
                Add(list, path, label, Render(node), source);
                break;
        }
    }

    private static bool IsLeaf(YamlMappingNode map)
    {
        var keys = map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).ToList();
        return keys.Contains("distribution") || (keys.Contains("value") && keys.All(k => k is "value" or "source"));
    }

    private static void Add(List<ScenarioAssumption> list, string path, string label, string value, string? source)
    {
        var unit = FieldUnits.Of(path);
        list.Add(new(path, label, value, unit is "as the field" ? "" : OutcomeLabels.Unit(unit), source ?? ScenarioAssumption.NoSource));
    }

    private static string Distribution(YamlMappingNode map) =>
        $"{Text(map, "distribution")} ({string.Join(", ", map.Children.Where(c => ((YamlScalarNode)c.Key).Value is not ("distribution" or "source")).Select(c => $"{FieldLabels.Field(((YamlScalarNode)c.Key).Value ?? "")} {Render(c.Value)}"))})";

    private static string Render(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Number(scalar.Value ?? ""),
        YamlSequenceNode sequence => "[" + string.Join(", ", sequence.Select(Render)) + "]",
        YamlMappingNode map => "{ " + string.Join(", ", map.Children.Select(c => $"{((YamlScalarNode)c.Key).Value}: {Render(c.Value)}")) + " }",
        _ => "",
    };

    private static string Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && Math.Abs(x) >= 10_000 && !text.Contains('-', StringComparison.Ordinal)
            ? x.ToString("#,0.####", CultureInfo.InvariantCulture)
            : text;

    private static string Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } ? value.Trim() : "";

    private static string Join(string a, string b, string separator = ".") => a.Length == 0 ? b : a + separator + b;

    private static string First(params string[] texts) => texts.First(t => t.Length > 0);
}
