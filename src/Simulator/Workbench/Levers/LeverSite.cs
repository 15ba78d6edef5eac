using MarketSim.Simulator.Scenarios;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Workbench.Levers;

/// <summary>
/// Where one value sits in a merged scenario tree: its parent mapping and key (or list and index),
/// every path that reaches it (more than one through a YAML alias), and the node there now, null
/// when the field is left out.
/// </summary>
internal sealed class LeverSite(YamlNode parent, string? key, int index)
{
    /// <summary>The mapping or list holding the value.</summary>
    public YamlNode Parent { get; } = parent;

    /// <summary>The field's key in <see cref="Parent"/>, or null for a list item.</summary>
    public string? Key { get; } = key;

    /// <summary>The item's index in <see cref="Parent"/>, or -1 for a mapping field.</summary>
    public int Index { get; } = index;

    /// <summary>The value's node: a scalar, a <c>{ value, source }</c> mapping or a distribution; null when left out.</summary>
    public YamlNode? Node { get; set; }

    /// <summary>Paths with list items by id (the <c>--vary</c> syntax), first one first.</summary>
    public List<string> StablePaths { get; } = [];

    /// <summary>Paths with list items by index, as the loader names fields in its problems.</summary>
    public List<string> LoaderPaths { get; } = [];

    /// <summary>The top-level entries or sections the value belongs to: a variant that changes it writes all of them.</summary>
    public HashSet<LeverOwner> Owners { get; } = [];

    /// <summary>Whether <see cref="Node"/> is a mapping with a <c>distribution:</c> key.</summary>
    public bool IsDistribution => YamlNodes.IsDistribution(Node);

    /// <summary>The value as text, as the YAML holds it; empty when left out or not a single value.</summary>
    public string Text => ValueNode() is YamlScalarNode { Value: { } text } ? text : "";

    /// <summary>The source note given with the value (<c>{ value, source }</c>), or null.</summary>
    public string? Source => YamlNodes.Text(Node, "source");

    /// <summary>The <c>source:</c> of the nearest mapping around the value that has one, which covers it when it has none of its own; null when none does.</summary>
    public string? CoveringSource { get; set; }

    /// <summary>The source to show for the value: its own, or else the one covering it.</summary>
    public string? ShownSource => Source ?? CoveringSource;

    /// <summary>The scalar holding the value itself: the node, or the <c>value</c> of a <c>{ value, source }</c> mapping.</summary>
    public YamlNode? ValueNode() => YamlNodes.Child(Node, "value") ?? Node;
}
