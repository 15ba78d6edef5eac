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
        var result = Set(root, 0, value.ToString("R", CultureInfo.InvariantCulture), ref reached);
        if (reached == 0)
        {
            throw new ArgumentException($"'{Text}' reaches no value in the scenario; allowed: a path of keys, list ids or [index], like providers.ID.capacity_weekly_hours");
        }
        return result;
    }

    private YamlNode Set(YamlNode node, int depth, string value, ref int reached)
    {
        if (depth == _segments.Length)
        {
            if (node is YamlMappingNode wrapped && wrapped.Children.ContainsKey(new YamlScalarNode("value")))
            {
                return Set(wrapped, depth, "value", value, ref reached);
            }
            reached++;
            return new YamlScalarNode(value);
        }
        var segment = _segments[depth];
        switch (node)
        {
            case YamlMappingNode map when map.Children.ContainsKey(new YamlScalarNode(segment)):
                return Set(map, depth, segment, value, ref reached);
            case YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("value"), out var inner):
                var copy = Copy(map);
                copy.Children[new YamlScalarNode("value")] = Set(inner, depth, value, ref reached);
                return copy;
            case YamlSequenceNode list:
                var items = new List<YamlNode>();
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var item = list.Children[i];
                    items.Add(Matches(item, i, segment) ? Set(item, depth + 1, value, ref reached) : item);
                }
                return new YamlSequenceNode(items);
            default:
                return node;
        }
    }

    private YamlNode Set(YamlMappingNode map, int depth, string key, string value, ref int reached)
    {
        var copy = Copy(map);
        var k = new YamlScalarNode(key);
        copy.Children[k] = Set(map.Children[k], key == "value" ? depth : depth + 1, value, ref reached);
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
