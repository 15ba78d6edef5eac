using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Workbench.Levers;

/// <summary>
/// A merged scenario tree with every value's <see cref="LeverSite"/>, found by one walk in document
/// order. A node reached twice through a YAML alias (the zones' shared <c>&amp;demand</c> block) has one
/// site with every path and owner, so a change to it changes every entry that shares it.
/// </summary>
internal sealed partial class ScenarioTree
{
    /// <summary>Top-level lists a variant merges by id (docs/scenario-format.md, "Variants: base").</summary>
    public static readonly string[] MergedById = ["zones", "providers", "commissioners", "pooled_budgets"];

    private const int MaxDepth = 64;
    private static readonly string[] Skipped = ["base", "name", "description", "sources", "correlations"];

    /// <summary>Optional fields offered as levers even when left out: the container's path pattern and the field.</summary>
    private static readonly (Regex Container, string Key)[] Offered =
    [
        (ZoneDemand(), "annual_growth"),
        (RateSetting(), "policy"),
        (RateSetting(), "percent"),
        (RateSetting(), "base"),
        (RateSetting(), "commissioner"),
    ];

    private readonly Dictionary<(YamlNode Parent, string Key), LeverSite> _sites = new(new SiteKeyComparer());
    private readonly Dictionary<string, YamlMappingNode> _mappings = [];

    public ScenarioTree(YamlMappingNode root)
    {
        Root = root;
        if (!root.Children.ContainsKey(new YamlScalarNode("rate_setting")))
        {
            root.Add("rate_setting", new YamlMappingNode());
        }
        foreach (var (keyNode, value) in root.Children)
        {
            var section = (keyNode as YamlScalarNode)?.Value ?? "";
            if (Skipped.Contains(section))
            {
                continue;
            }
            if (MergedById.Contains(section) && value is YamlSequenceNode list)
            {
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var id = IdOf(list.Children[i], "id") ?? $"[{i}]";
                    Visit(list, null, i, list.Children[i], $"{section}.{id}", $"{section}[{i}]", new LeverOwner(section, id), 1, covering: null);
                }
                continue;
            }
            Visit(root, section, -1, value, section, section, new LeverOwner(section, null), 1, covering: null);
        }
    }

    /// <summary>The merged root (with an empty <c>rate_setting</c> added when the scenario has none, written only if changed).</summary>
    public YamlMappingNode Root { get; }

    /// <summary>Every value's site, in document order.</summary>
    public IEnumerable<LeverSite> Sites => _sites.Values;

    /// <summary>The mapping first reached at <paramref name="stablePath"/> (e.g. <c>providers.slp_a</c>), or null.</summary>
    public YamlMappingNode? MappingAt(string stablePath) => _mappings.GetValueOrDefault(stablePath);

    /// <summary>The text of field <paramref name="key"/> of the mapping at <paramref name="stablePath"/>, or null.</summary>
    public string? TextAt(string stablePath, string key) =>
        MappingAt(stablePath) is { } m && m.Children.TryGetValue(new YamlScalarNode(key), out var v)
            ? (v as YamlScalarNode)?.Value ?? ((v as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("value"), out var inner) == true ? (inner as YamlScalarNode)?.Value : null)
            : null;

    /// <param name="parent"></param>

    /// <param name="key"></param>
    /// <param name="index"></param>
    /// <param name="node"></param>
    /// <param name="stable"></param>
    /// <param name="loader"></param>
    /// <param name="owner"></param>
    /// <param name="depth"></param>    /// <param name="covering">The <c>source:</c> of the nearest mapping around <paramref name="node"/> that has one, which covers the values without their own (as in the report's assumptions).</param>
    private void Visit(YamlNode parent, string? key, int index, YamlNode node, string stable, string loader, LeverOwner owner, int depth, string? covering)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        var wrapped = node is YamlMappingNode w && w.Children.TryGetValue(new YamlScalarNode("value"), out var inner) ? inner : null;
        if (node is YamlScalarNode || wrapped is YamlScalarNode || IsDistribution(node))
        {
            var site = SiteOf(parent, key, index);
            site.Node = node;
            site.CoveringSource ??= covering;
            Reach(site, stable, loader, owner);
        }
        if (node is YamlMappingNode around && around.Children.TryGetValue(new YamlScalarNode("source"), out var note) && note is YamlScalarNode { Value: { Length: > 0 } own })
        {
            covering = own;
        }
        switch (wrapped ?? node)
        {
            case YamlMappingNode map:
                _mappings.TryAdd(stable, map);
                foreach (var (k, v) in map.Children)
                {
                    var name = (k as YamlScalarNode)?.Value ?? "";
                    if (name != "source")
                    {
                        Visit(map, name, -1, v, $"{stable}.{name}", $"{loader}.{name}", owner, depth + 1, covering);
                    }
                }
                foreach (var (_, offered) in Offered.Where(o => o.Container.IsMatch(stable)))
                {
                    if (!map.Children.ContainsKey(new YamlScalarNode(offered)))
                    {
                        Reach(SiteOf(map, offered, -1), $"{stable}.{offered}", $"{loader}.{offered}", owner);
                    }
                }
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var id = IdOf(list.Children[i], "id") ?? IdOf(list.Children[i], "commissioner");
                    Visit(list, null, i, list.Children[i], id is null ? $"{stable}[{i}]" : $"{stable}.{id}", $"{loader}[{i}]", owner, depth + 1, covering);
                }
                break;
        }
    }

    private LeverSite SiteOf(YamlNode parent, string? key, int index)
    {
        var at = (parent, key ?? $"[{index}]");
        if (!_sites.TryGetValue(at, out var site))
        {
            site = new LeverSite(parent, key, index);
            _sites.Add(at, site);
        }
        return site;
    }

    private static void Reach(LeverSite site, string stable, string loader, LeverOwner owner)
    {
        if (!site.LoaderPaths.Contains(loader))
        {
            site.StablePaths.Add(stable);
            site.LoaderPaths.Add(loader);
        }
        site.Owners.Add(owner);
    }

    private static bool IsDistribution(YamlNode node) =>
        node is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("distribution"));

    private static string? IdOf(YamlNode node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var id) ? (id as YamlScalarNode)?.Value : null;

    [GeneratedRegex(@"^zones\.[a-z0-9_]+\.demand$")]
    private static partial Regex ZoneDemand();

    [GeneratedRegex(@"^rate_setting$")]
    private static partial Regex RateSetting();

    /// <summary>Compares sites by the identity of their parent node and their key.</summary>
    private sealed class SiteKeyComparer : IEqualityComparer<(YamlNode Parent, string Key)>
    {
        public bool Equals((YamlNode Parent, string Key) x, (YamlNode Parent, string Key) y) =>
            ReferenceEquals(x.Parent, y.Parent) && x.Key == y.Key;

        public int GetHashCode((YamlNode Parent, string Key) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Parent), obj.Key);
    }
}
