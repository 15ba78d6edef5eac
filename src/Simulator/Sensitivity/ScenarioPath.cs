using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Sensitivity;

/// <summary>
/// A path to a number in a scenario file, such as <c>providers.slp_a.capacity_weekly_hours</c>,
/// <c>zones.*.demand.annual_growth</c> or <c>commissioners.council.annual_budgets_gbp[0]</c>: mapping
/// keys, list items by id (or commissioner), by index in brackets, or all of them with <c>*</c>.
/// Setting a value copies the nodes along the path, so YAML aliases elsewhere are left alone.
/// </summary>
public sealed class ScenarioPath
{
    private readonly string[] _segments;

    /// <summary>Parses <paramref name="path"/>.</summary>
    public ScenarioPath(string path)
    {
        Text = path;
        _segments = [.. path.Replace("[", ".[").Split('.', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>A copy of <paramref name="root"/> with every number the path reaches set to <paramref name="value"/>; throws <see cref="ArgumentException"/> when it reaches none.</summary>
    public YamlNode With(YamlNode root, double value)
    {
        var reached = 0;
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var result = Visit(root, 0, _ =>
        {
            reached++;
            return new YamlScalarNode(text);
        });
        if (reached == 0)
        {
            throw new ArgumentException($"'{Text}' reaches no value in the scenario; allowed: a path of keys, list ids or [index], like providers.ID.capacity_weekly_hours");
        }
        return result;
    }

    /// <summary>
    /// The nodes the path reaches in <paramref name="root"/>, in document order; a
    /// <c>{ value: ..., source: ... }</c> wrapper gives its value. Empty when it reaches none.
    /// </summary>
    public IReadOnlyList<YamlNode> Find(YamlNode root) =>
        Walk(root, out _).Select(Unwrapped).ToList();

    /// <summary>
    /// Whether every value the path reaches in <paramref name="root"/> is already the number <paramref name="value"/>, so that
    /// setting it changes nothing (false when it reaches none, or a value that is not a plain number, such as a distribution).
    /// </summary>
    public bool IsEverywhere(YamlNode root, double value)
    {
        var reached = Find(root);
        return reached.Count > 0 && reached.All(node => node is YamlScalarNode { Value: { } v }
            && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number.Equals(value));
    }

    /// <summary>
    /// Where the path stops reaching anything in <paramref name="root"/>, in words: the part that matches nothing, where,
    /// and what is there instead ("'Zones' matches nothing at the top of the scenario, which has the keys name, …, zones, …");
    /// null when the path reaches a value.
    /// </summary>
    public string? WhereItStops(YamlNode root)
    {
        if (Walk(root, out var stop).Count > 0)
        {
            return null;
        }
        var (depth, last) = stop!.Value;
        var at = depth == 0 ? "the top of the scenario" : string.Join('.', _segments[..depth]).Replace(".[", "[", StringComparison.Ordinal);
        return $"'{_segments[depth]}' matches nothing at {at}, which has {Offered(last)}";
    }

    // The nodes the whole path reaches, segment by segment, in document order (a wrapper's value not yet taken at the end);
    // when a segment reaches nothing, stop gives its depth and the first node it was looked for in.
    private List<YamlNode> Walk(YamlNode root, out (int Depth, YamlNode Node)? stop)
    {
        List<YamlNode> nodes = [root];
        stop = null;
        for (var depth = 0; depth < _segments.Length; depth++)
        {
            var segment = _segments[depth];
            var next = nodes.SelectMany(n => Step(n, segment)).ToList();
            if (next.Count == 0)
            {
                stop = (depth, nodes[0]);
                return next;
            }
            nodes = next;
        }
        return nodes;
    }

    // A { value: ..., source: ... } wrapper at the end of the path gives its value.
    private static YamlNode Unwrapped(YamlNode node) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("value"), out var inner) ? Unwrapped(inner) : node;

    // The nodes one segment reaches from node, as Visit walks (which copies on the way, to set a value): a key of a mapping (or of the value a { value, source } wrapper holds), or list items.
    private static IEnumerable<YamlNode> Step(YamlNode node, string segment) => node switch
    {
        YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode(segment), out var child) => [child],
        YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("value"), out var inner) => Step(inner, segment),
        YamlSequenceNode list => list.Children.Where((item, i) => Matches(item, i, segment)),
        _ => [],
    };

    // What a path could name at node instead: its keys, its entries' ids (or indices), or that it holds a single value.
    private static string Offered(YamlNode node)
    {
        // A scenario's mappings have a few dozen keys at most, all worth naming; its lists can have hundreds of entries.
        static string Some(IReadOnlyList<string> names, int most) => string.Join(", ", names.Take(most)) + (names.Count > most ? $" and {names.Count - most} more" : "");
        switch (node)
        {
            case YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("value"), out var inner):
                return inner is YamlScalarNode ? "a single value (the number in its value:), not keys or a list" : Offered(inner);
            case YamlMappingNode map:
                return $"the keys {Some([.. map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "")], 50)}";
            case YamlSequenceNode list:
                var ids = list.Children.OfType<YamlMappingNode>().Select(m => Id(m, "id") ?? Id(m, "commissioner")).OfType<string>().ToList();
                var indices = list.Children.Count switch
                {
                    0 => "no entries",
                    1 => "one entry, [0], or * for every entry",
                    var n => $"[0] to [{n - 1}], or * for every entry",
                };
                return ids.Count > 0 ? $"entries with the ids {Some(ids, 12)} ({indices})" : $"a list: {indices}";
            default:
                return "a single value, not keys or a list";
        }
    }

    private static string? Id(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } v } ? v : null;

    /// <summary>Whether <paramref name="node"/> is a scalar that reads as a number (invariant culture).</summary>
    public static bool IsNumber(YamlNode node) =>
        node is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    // Walks the path from node, replacing each node it reaches by leaf(node) in copies of the
    // mappings and lists on the way; nodes off the path are shared, not copied.
    private YamlNode Visit(YamlNode node, int depth, Func<YamlNode, YamlNode> leaf)
    {
        if (depth == _segments.Length)
        {
            if (node is YamlMappingNode wrapped && wrapped.Children.ContainsKey(new YamlScalarNode("value")))
            {
                return Visit(wrapped, depth, "value", leaf);
            }
            return leaf(node);
        }
        var segment = _segments[depth];
        switch (node)
        {
            case YamlMappingNode map when map.Children.ContainsKey(new YamlScalarNode(segment)):
                return Visit(map, depth, segment, leaf);
            case YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("value"), out var inner):
                var copy = Copy(map);
                copy.Children[new YamlScalarNode("value")] = Visit(inner, depth, leaf);
                return copy;
            case YamlSequenceNode list:
                var items = new List<YamlNode>();
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var item = list.Children[i];
                    items.Add(Matches(item, i, segment) ? Visit(item, depth + 1, leaf) : item);
                }
                return new YamlSequenceNode(items);
            default:
                return node;
        }
    }

    private YamlNode Visit(YamlMappingNode map, int depth, string key, Func<YamlNode, YamlNode> leaf)
    {
        var copy = Copy(map);
        var k = new YamlScalarNode(key);
        copy.Children[k] = Visit(map.Children[k], key == "value" ? depth : depth + 1, leaf);
        return copy;
    }

    private static bool Matches(YamlNode item, int index, string segment) =>
        segment == "*"
        || segment == $"[{index}]"
        || (item is YamlMappingNode m
            && (IdIs(m, "id", segment) || IdIs(m, "commissioner", segment)));

    private static bool IdIs(YamlMappingNode map, string key, string id) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: var v } && v == id;

    private static YamlMappingNode Copy(YamlMappingNode map)
    {
        var copy = new YamlMappingNode();
        foreach (var (k, v) in map.Children)
        {
            copy.Add(k, v);
        }
        return copy;
    }
}
