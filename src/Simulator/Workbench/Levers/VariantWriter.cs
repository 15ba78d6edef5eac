using System.Globalization;
using MarketSim.Simulator.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Workbench.Levers;

/// <summary>
/// Writes a scenario variant from lever changes: <c>base:</c> and <c>name:</c>, then every top-level entry
/// or section a changed value belongs to, whole (a variant replaces entries by id and other sections
/// entirely), each changed value as <c>{ value, source }</c> with a source note saying what it was, and a
/// risk-share agreement whose changed terms its name states renamed (<see cref="AgreementName"/>).
/// </summary>
internal sealed class VariantWriter(ScenarioTree tree, DateOnly today)
{
    private static readonly string[] Reserved = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"];
    private readonly HashSet<LeverOwner> _dirty = [];
    private readonly Dictionary<string, List<(string Term, string Text)>> _agreements = new(StringComparer.Ordinal);
    private readonly Dictionary<YamlMappingNode, (string? Original, List<string> Changes)> _distributions = new(ReferenceEqualityComparer.Instance);

    /// <summary>Puts <paramref name="text"/> (trimmed, as typed) in place of the lever's value in the tree.</summary>
    public void Change(LeverEntry entry, string text)
    {
        var site = entry.Site;
        _dirty.UnionWith(site.Owners);
        if (AgreementName.Of(site.StablePaths[0]) is { } changed)
        {
            if (!_agreements.TryGetValue(changed.Agreement, out var terms))
            {
                _agreements[changed.Agreement] = terms = [];
            }
            terms.Add((changed.Term, text));
        }
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (site.Parent is YamlMappingNode distribution && YamlNodes.IsDistribution(distribution))
        {
            NoteDistribution(distribution, $"{site.Key} changed from {site.Text}", date);
            distribution.Children[new YamlScalarNode(site.Key!)] = Scalar(text);
            return;
        }
        if (text.Length == 0 && entry.Optional && site.Parent is YamlMappingNode parent)
        {
            parent.Children.Remove(new YamlScalarNode(site.Key!));
            return;
        }
        var was = site.Node is null ? "set (it was left out)" : $"changed from {site.Text}";
        var note = $"workbench lever: {was} on {date}" + (site.Source is { } old ? $" (was: {old})" : "");
        var value = new YamlMappingNode { { "value", Scalar(text) }, { "source", Quoted(note) } };
        value.Style = MappingStyle.Flow;
        switch (site.Parent)
        {
            case YamlMappingNode map:
                map.Children[new YamlScalarNode(site.Key!)] = value;
                break;
            case YamlSequenceNode list:
                list.Children[site.Index] = value;
                break;
        }
    }

    /// <summary>The variant's YAML: <c>base:</c>, <c>name:</c> and the entries and sections holding a change, in the base's order.</summary>
    public string Write(string baseFileName, string variantName)
    {
        AgreementName.Rename(tree, _agreements);
        var root = new YamlMappingNode { { "base", Plain(baseFileName) }, { "name", Quoted(variantName) } };
        foreach (var (keyNode, value) in tree.Root.Children)
        {
            var section = (keyNode as YamlScalarNode)?.Value ?? "";
            if (ScenarioTree.MergedById.Contains(section) && value is YamlSequenceNode list)
            {
                var changed = list.Children.Where((item, i) => _dirty.Contains(new LeverOwner(section, IdOf(item) ?? $"[{i}]"))).ToList();
                foreach (var item in changed.OfType<YamlMappingNode>())
                {
                    item.Style = MappingStyle.Block;
                }
                if (changed.Count > 0)
                {
                    root.Add(section, new YamlSequenceNode(changed));
                }
            }
            else if (_dirty.Contains(new LeverOwner(section, null)))
            {
                root.Add(keyNode, value);
            }
        }
        NameSharedNodes(root);
        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^"...\n".Length] : text;
    }

    /// <summary>
    /// Anchors the mappings and lists reached more than once (the zones' shared demand block), so they stay one
    /// node when read back (one uncertain input, not one a zone); anchors from the base files are dropped, as two
    /// files may use the same name.
    /// </summary>
    private static void NameSharedNodes(YamlNode root)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var shared = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<YamlNode>([root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            node.Anchor = AnchorName.Empty;
            if (node is YamlScalarNode)
            {
                continue;
            }
            if (!seen.Add(node))
            {
                shared.Add(node);
                continue;
            }
            var children = node switch
            {
                YamlMappingNode map => map.Children.Values,
                YamlSequenceNode list => list.Children,
                _ => [],
            };
            foreach (var child in children.Reverse())
            {
                stack.Push(child);
            }
        }
        var count = 0;
        foreach (var node in shared)
        {
            node.Anchor = new AnchorName($"shared_{++count}");
        }
    }

    private void NoteDistribution(YamlMappingNode distribution, string change, string date)
    {
        if (!_distributions.TryGetValue(distribution, out var notes))
        {
            var source = YamlNodes.Text(distribution, "source");
            _distributions[distribution] = notes = (source, []);
        }
        notes.Changes.Add(change);
        var note = $"workbench lever: {string.Join(", ", notes.Changes)} on {date}" + (notes.Original is { } old ? $" (was: {old})" : "");
        distribution.Children[new YamlScalarNode("source")] = Quoted(note);
    }

    /// <summary>A number or a lower-case name as typed; anything else quoted, so the validator reports it as text.</summary>
    private static YamlScalarNode Scalar(string text)
    {
        var number = YamlNumber.Of(text) is not null;
        var name = text.Length > 0 && char.IsAsciiLetterLower(text[0]) && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') && !Reserved.Contains(text);
        return number || name ? Plain(text) : Quoted(text);
    }

    private static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };

    private static YamlScalarNode Quoted(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };

    private static string? IdOf(YamlNode node) => YamlNodes.Text(node, "id");
}
