using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// Reading a scenario's YAML tree as written (the load's warnings and cross-checks, the workbench's levers and library):
/// a mapping's field, its text, whether it is there, and the scalar a field writes plainly or as <c>{ value: N }</c>.
/// </summary>
internal static class YamlNodes
{
    /// <summary>The value of <paramref name="key"/> in <paramref name="node"/>; null when it is not a mapping or has no such key.</summary>
    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    /// <summary>The text of the scalar <paramref name="key"/> holds in <paramref name="node"/>; null when it is missing or not a scalar.</summary>
    public static string? Text(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    /// <summary>Whether <paramref name="node"/> is a mapping with the key <paramref name="key"/> (whatever its value).</summary>
    public static bool Has(YamlNode? node, string key) => Child(node, key) is not null;

    /// <summary>Whether <paramref name="node"/> is a mapping with a <c>distribution</c> key: an uncertain input, not a value.</summary>
    public static bool IsDistribution(YamlNode? node) => Has(node, "distribution");

    /// <summary>The scalar a field writes, plainly or as <c>{ value: N, source: … }</c>; null for a distribution or anything else.</summary>
    public static YamlScalarNode? Written(YamlNode? value) => value switch
    {
        YamlScalarNode scalar => scalar,
        YamlMappingNode mapping => Child(mapping, "value") as YamlScalarNode,
        _ => null,
    };
}
