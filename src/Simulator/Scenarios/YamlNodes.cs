using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// Reading a scenario's YAML tree as written, for the warnings that look back at the file once the scenario has loaded:
/// a mapping's field, and the scalar a field writes plainly or as <c>{ value: N }</c>.
/// </summary>
internal static class YamlNodes
{
    /// <summary>The value of <paramref name="key"/> in <paramref name="node"/>; null when it is not a mapping or has no such key.</summary>
    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    /// <summary>The scalar a field writes, plainly or as <c>{ value: N, source: … }</c>; null for a distribution or anything else.</summary>
    public static YamlScalarNode? Written(YamlNode? value) => value switch
    {
        YamlScalarNode scalar => scalar,
        YamlMappingNode mapping => Child(mapping, "value") as YamlScalarNode,
        _ => null,
    };
}
