using System.Text.RegularExpressions;
using MarketSim.Simulator.Scenarios;
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
        if (!YamlNodes.Has(root, "rate_setting"))
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
    public string? TextAt(string stablePath, string key) => YamlNodes.Written(YamlNodes.Child(MappingAt(stablePath), key))?.Value;

    /// <summary>
    /// Files the value at <paramref name="node"/> (field <paramref name="key"/> or entry <paramref name="index"/> of <paramref name="parent"/>)
    /// as a site under its <paramref name="stable"/> and <paramref name="loader"/> paths for <paramref name="owner"/>, then the values inside it.
    /// <paramref name="covering"/> is the <c>source:</c> of the nearest mapping around <paramref name="node"/> that has one, which covers the
    /// values without their own (as in the report's assumptions); <paramref name="depth"/> stops a runaway tree.
    /// </summary>
    private void Visit(YamlNode parent, string? key, int index, YamlNode node, string stable, string loader, LeverOwner owner, int depth, string? covering)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        var wrapped = YamlNodes.Child(node, "value");
        if (node is YamlScalarNode || wrapped is YamlScalarNode || YamlNodes.IsDistribution(node))
        {
            var site = SiteOf(parent, key, index);
            site.Node = node;
            site.CoveringSource ??= covering;
            Reach(site, stable, loader, owner);
        }
        if (YamlNodes.Text(node, "source") is { Length: > 0 } own)
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
                    if (!YamlNodes.Has(map, offered))
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

    private static string? IdOf(YamlNode node, string key) => YamlNodes.Text(node, key);

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
