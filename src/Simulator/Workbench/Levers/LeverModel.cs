using MarketSim.Simulator.Scenarios;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Workbench.Levers;

/// <summary>A valid scenario's merged tree and its levers, each with its site, by form key and by the loader's field paths.</summary>
internal sealed class LeverModel
{
    private readonly Dictionary<string, string> _keyByLoaderPath = [];
    private readonly Dictionary<string, List<string>> _keysByParentPath = [];

    private LeverModel(ScenarioTree tree, List<LeverEntry> entries)
    {
        Tree = tree;
        Entries = entries;
        foreach (var entry in entries)
        {
            foreach (var path in entry.Site.LoaderPaths)
            {
                _keyByLoaderPath.TryAdd(path, entry.Lever.Key);
                var parent = path[..Math.Max(0, path.LastIndexOf('.'))];
                if (!_keysByParentPath.TryGetValue(parent, out var keys))
                {
                    _keysByParentPath[parent] = keys = [];
                }
                if (!keys.Contains(entry.Lever.Key))
                {
                    keys.Add(entry.Lever.Key);
                }
            }
        }
    }

    /// <summary>The merged tree the levers sit in.</summary>
    public ScenarioTree Tree { get; }

    /// <summary>The levers in form order, with their sites.</summary>
    public IReadOnlyList<LeverEntry> Entries { get; }

    /// <summary>Loads and validates the scenario at <paramref name="path"/>; throws <see cref="ScenarioException"/> when it is invalid.</summary>
    public static LeverModel Load(string path)
    {
        var uncertain = ScenarioLoader.LoadUncertain(path);
        var problems = new List<ScenarioProblem>();
        var document = ScenarioDocument.Parse(File.ReadAllText(path), path, problems);
        if (document?.Root is not YamlMappingNode root)
        {
            throw new ScenarioException(problems);
        }
        var tree = new ScenarioTree(root);
        var inputs = uncertain.Inputs.Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        var entries = tree.Sites
            .Select(site => (Site: site, Described: LeverCatalogue.Describe(site, tree, inputs)))
            .Where(s => s.Described is not null)
            .Select(s => new LeverEntry(s.Described!.Value.Lever, s.Site, s.Described.Value.Optional))
            .OrderBy(e => Array.IndexOf(LeverCatalogue.Groups, e.Lever.Group))
            .ThenBy(e => e.Lever.Key.StartsWith("rate_setting.", StringComparison.Ordinal))
            .ToList();
        return new LeverModel(tree, entries);
    }

    /// <summary>
    /// The lever keys a loader problem at <paramref name="fieldPath"/> belongs to: the lever at that path (or
    /// its <c>{ value }</c>), else the levers directly inside that mapping (a sum of shares, a distribution's
    /// order), else "" (not a lever).
    /// </summary>
    public IReadOnlyList<string> KeysOf(string fieldPath)
    {
        var path = fieldPath.EndsWith(".value", StringComparison.Ordinal) ? fieldPath[..^".value".Length] : fieldPath;
        if (_keyByLoaderPath.TryGetValue(path, out var key))
        {
            return [key];
        }
        return path.Length > 0 && _keysByParentPath.TryGetValue(path, out var keys) ? keys : [""];
    }
}
