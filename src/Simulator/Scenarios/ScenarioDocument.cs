using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// The YAML of a scenario file, with its base resolved: a file that says <c>base: other.yaml</c>
/// (a file in the same folder) is read over that base. Its top-level fields replace the base's,
/// except the lists of zones, providers, commissioners and pooled budgets, which are merged by id:
/// an entry with a base entry's id replaces it, an entry with a new id is added.
/// </summary>
internal sealed partial class ScenarioDocument
{
    private const int MaxDepth = 8;
    private static readonly string[] MergedById = ["zones", "providers", "commissioners", "pooled_budgets"];

    /// <summary>The same document with a different root (an edited copy).</summary>
    public ScenarioDocument WithRoot(YamlNode root) => new(root, Origins, HasBase) { Positions = Positions, Replacing = Replacing };

    /// <summary>
    /// An edited copy whose <paramref name="given"/> nodes came from <paramref name="givenBy"/> (a command-line
    /// option, say), so that a problem with one of them names the option instead of a place in the file.
    /// </summary>
    public ScenarioDocument WithRoot(YamlNode root, IEnumerable<YamlNode> given, string givenBy)
    {
        var origins = new Dictionary<YamlNode, string>(Origins, ReferenceEqualityComparer.Instance);
        foreach (var node in given)
        {
            origins[node] = givenBy;
        }
        return new(root, origins, HasBase) { Positions = Positions, Replacing = Replacing };
    }

    private ScenarioDocument(YamlNode root, Dictionary<YamlNode, string> origins, bool hasBase)
    {
        Root = root;
        Origins = origins;
        HasBase = hasBase;
    }

    /// <summary>The (merged) root node.</summary>
    public YamlNode Root { get; }

    /// <summary>The base file each node from a base came from.</summary>
    public Dictionary<YamlNode, string> Origins { get; }

    /// <summary>Whether the file named a base.</summary>
    public bool HasBase { get; }

    /// <summary>
    /// The index each entry of a list merged by id has in the file that wrote it, where that differs from its
    /// index in the merged list (an entry a variant adds), so that a problem names the entry as the user wrote it.
    /// </summary>
    public IReadOnlyDictionary<YamlNode, int> Positions { get; private init; } = new Dictionary<YamlNode, int>(ReferenceEqualityComparer.Instance);

    /// <summary>The entries of a variant that replace a base entry with the same id (whole, not field by field).</summary>
    public IReadOnlySet<YamlNode> Replacing { get; private init; } = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);

    /// <summary>The variant file whose <c>provider_defaults</c> replaces its base's (whole, not field by field); null when none does.</summary>
    public string? DefaultsReplacedBy { get; private init; }

    /// <summary>Parses <paramref name="text"/> (from <paramref name="file"/>) and its bases; null with problems recorded when it cannot.</summary>
    public static ScenarioDocument? Parse(string text, string file, List<ScenarioProblem> problems)
    {
        var origins = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        var merging = new Merging();
        var root = Load(text, file, problems, origins, [Path.GetFullPath(file)], merging);
        return root is null ? null : new ScenarioDocument(root.Value.Node, origins, root.Value.HasBase)
        {
            Positions = merging.Positions,
            Replacing = merging.Replacing,
            DefaultsReplacedBy = merging.DefaultsReplacedBy,
        };
    }

    /// <summary>
    /// <paramref name="problem"/> as the user would look for it: an entry of a merged list named by its index in the
    /// file that wrote it (<c>providers[0]</c> for a variant's first provider, not its place after the base's), and a
    /// missing field of an entry that replaces a base entry explained (the replacement is whole, not field by field).
    /// </summary>
    public ScenarioProblem AsWritten(ScenarioProblem problem)
    {
        if (Entry().Match(problem.FieldPath) is not { Success: true } match
            || Root is not YamlMappingNode map
            || !map.Children.TryGetValue(new YamlScalarNode(match.Groups[1].Value), out var list)
            || list is not YamlSequenceNode items
            || int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) is var index && index >= items.Children.Count)
        {
            return problem;
        }
        var entry = items.Children[index];
        if (DefaultsReplacedBy is { } variant && problem.File != variant && match.Groups[1].Value == "providers"
            && problem.Message.StartsWith("missing required field", StringComparison.Ordinal))
        {
            problem = problem with { Message = Explained(problem.Message, $"{Path.GetFileName(variant)}'s provider_defaults replaces the base's whole, so the base's providers no longer take the fields it left out: copy the base's provider_defaults and change what differs") };
        }
        var written = Positions.TryGetValue(entry, out var at) ? problem with { FieldPath = $"{match.Groups[1].Value}[{at}]{match.Groups[3].Value}", MergedFieldPath = problem.FieldPath } : problem;
        return Replacing.Contains(entry) && match.Groups[3].Length == 0 && problem.Message.StartsWith("missing required field", StringComparison.Ordinal)
            ? written with { Message = ReplacedWhole(problem.Message) }
            : written;
    }

    /// <summary>
    /// A missing field's message in an entry that replaces the base's entry of its id, saying why the field is needed;
    /// one "allowed:" (what the field allows, when the message gives it).
    /// </summary>
    private static string ReplacedWhole(string message) =>
        Explained(message, "an entry with an id the base has replaces that entry whole: copy the entry from the base and change what differs");

    /// <summary><paramref name="message"/> with <paramref name="why"/> in brackets before its "allowed:", or as what is allowed when it has none.</summary>
    private static string Explained(string message, string why)
    {
        var allowed = message.IndexOf("; allowed: ", StringComparison.Ordinal);
        return allowed < 0
            ? $"{message}; allowed: every required field, as {why}"
            : $"{message[..allowed]} ({why}){message[allowed..]}";
    }

    /// <summary>The merged scenario as YAML text (what a results folder records for a scenario with a base).</summary>
    public string ToYaml()
    {
        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(Root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static (YamlNode Node, bool HasBase)? Load(string text, string file, List<ScenarioProblem> problems, Dictionary<YamlNode, string> origins, List<string> chain, Merging merging)
    {
        if (YamlStructure.Check(text, file) is { Count: > 0 } found)
        {
            problems.AddRange(found);
            return null;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            problems.Add(YamlStructure.SyntaxError(text, file, ex));
            return null;
        }
        if (stream.Documents.Count != 1)
        {
            var documents = stream.Documents.Count == 0
                ? "the file is empty (or holds only comments)"
                : $"the file holds {stream.Documents.Count} YAML documents (separated by ---)";
            problems.Add(new ScenarioProblem(file, 0, 0, "", $"{documents}; allowed: exactly one YAML document, a mapping of scenario fields (name:, start_date:, zones: …; see docs/scenario-format.md)"));
            return null;
        }
        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode fields)
        {
            problems.AddRange(Duplicates(fields, file));
        }
        if (root is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode("base"), out var baseNode))
        {
            return (root, false);
        }
        if (baseNode is not YamlScalarNode { Value: { Length: > 0 } baseName } || baseName != Path.GetFileName(baseName))
        {
            var given = baseNode is YamlScalarNode { Value: { Length: > 0 } written } ? $"'{written}' is not a file in this folder" : "expected a file name";
            problems.Add(new ScenarioProblem(file, baseNode.Start.Line, baseNode.Start.Column, "base", $"{given}; allowed: the file name of a scenario in the same folder"));
            return null;
        }
        if (ScenarioFileText.IsPipe(file))
        {
            problems.Add(new ScenarioProblem(file, baseNode.Start.Line, baseNode.Start.Column, "base", $"'{baseName}' cannot be found: a scenario read from a pipe has no folder; allowed: a scenario file with its base in the same folder"));
            return null;
        }
        var basePath = Path.Combine(Path.GetDirectoryName(file) ?? "", baseName);
        var fullBase = Path.GetFullPath(basePath);
        if (chain.Contains(fullBase) || chain.Count > MaxDepth)
        {
            problems.Add(new ScenarioProblem(file, baseNode.Start.Line, baseNode.Start.Column, "base", $"'{baseName}' leads back to this file; allowed: a chain of bases without cycles"));
            return null;
        }
        if (ScenarioFileText.NotAFile(basePath, notFound: "not found next to this file") is { } why)
        {
            problems.Add(new ScenarioProblem(file, baseNode.Start.Line, baseNode.Start.Column, "base", $"'{baseName}' {why}; allowed: the file name of a scenario in the same folder"));
            return null;
        }
        if (ScenarioFileText.Read(basePath, out var unreadable) is not { } baseText)
        {
            problems.Add(unreadable!);
            return null;
        }
        var loaded = Load(baseText.Text, basePath, problems, origins, [.. chain, fullBase], merging);
        if (loaded is not { Node: YamlMappingNode baseMap })
        {
            if (loaded is not null)
            {
                problems.Add(new ScenarioProblem(basePath, 1, 1, "", "expected a mapping of scenario fields"));
            }
            return null;
        }
        foreach (var node in baseMap.AllNodes)
        {
            origins.TryAdd(node, basePath);
        }
        var defaults = new YamlScalarNode("provider_defaults");
        if (map.Children.ContainsKey(defaults) && baseMap.Children.ContainsKey(defaults))
        {
            merging.DefaultsReplacedBy = file;
        }
        return (Merge(baseMap, map, merging), true);
    }

    // Two entries of one list with the same id, in any file of a chain of bases, reported at the second: a
    // variant's would otherwise be merged into one, the first silently lost.
    private static IEnumerable<ScenarioProblem> Duplicates(YamlMappingNode map, string file)
    {
        foreach (var name in MergedById)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(name), out var list) || list is not YamlSequenceNode items)
            {
                continue;
            }
            var seen = new HashSet<string>();
            for (var i = 0; i < items.Children.Count; i++)
            {
                if (IdOf(items.Children[i]) is { } id && !seen.Add(id))
                {
                    var at = ((YamlMappingNode)items.Children[i]).Children[new YamlScalarNode("id")];
                    yield return new ScenarioProblem(file, at.Start.Line, at.Start.Column, name, $"id '{id}' is used more than once; allowed: a different id for each entry");
                }
            }
        }
    }

    private static YamlMappingNode Merge(YamlMappingNode baseMap, YamlMappingNode over, Merging merging)
    {
        var merged = new YamlMappingNode();
        foreach (var (key, value) in baseMap.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name == "base")
            {
                continue;
            }
            if (!over.Children.TryGetValue(key, out var replacement))
            {
                merged.Add(key, value);
            }
            else if (MergedById.Contains(name) && value is YamlSequenceNode baseList && replacement is YamlSequenceNode overList)
            {
                merged.Add(key, MergeById(baseList, overList, merging));
            }
            else
            {
                merged.Add(key, replacement);
            }
        }
        foreach (var (key, value) in over.Children)
        {
            if ((key as YamlScalarNode)?.Value != "base" && !merged.Children.ContainsKey(key))
            {
                merged.Add(key, value);
            }
        }
        return merged;
    }

    // The merged list is the variant's own list node, refilled, so that a problem with the list as a
    // whole points at the lines the user wrote.
    private static YamlSequenceNode MergeById(YamlSequenceNode baseList, YamlSequenceNode overList, Merging merging)
    {
        var items = baseList.Children.ToList();
        foreach (var (item, written) in overList.Children.Select((item, written) => (item, written)))
        {
            var id = IdOf(item);
            var at = id is null ? -1 : items.FindIndex(i => IdOf(i) == id);
            if (at >= 0)
            {
                items[at] = item;
                merging.Replacing.Add(item);
            }
            else
            {
                at = items.Count;
                items.Add(item);
            }
            if (at != written)
            {
                merging.Positions[item] = written;
            }
        }
        overList.Style = SequenceStyle.Any;
        overList.Children.Clear();
        foreach (var item in items)
        {
            overList.Add(item);
        }
        return overList;
    }

    private static string? IdOf(YamlNode node) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var id) ? (id as YamlScalarNode)?.Value : null;

    [GeneratedRegex(@"^(zones|providers|commissioners|pooled_budgets)\[(\d+)\](.*)$")]
    private static partial Regex Entry();

    private sealed class Merging
    {
        public Dictionary<YamlNode, int> Positions { get; } = new(ReferenceEqualityComparer.Instance);

        public HashSet<YamlNode> Replacing { get; } = new(ReferenceEqualityComparer.Instance);

        public string? DefaultsReplacedBy { get; set; }
    }
}
