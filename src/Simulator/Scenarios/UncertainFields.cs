using System.Globalization;
using MarketSim.Grains.Uncertainty;
using MarketSim.Grains.Uncertainty.Distributions;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// Collects a scenario's uncertain inputs while it is read: every number written as a mapping with a
/// <c>distribution:</c> key, its parameters checked (docs/scenario-format.md, "Uncertain inputs"), keyed
/// by its path in the <c>sensitivity --vary</c> syntax. The reader gets the median in its place.
/// </summary>
internal sealed class UncertainFields
{
    private const string Any = "a number";
    private static readonly Dictionary<string, int> KindIndex = InputDistributions.Kinds.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
    private readonly Dictionary<YamlNode, List<string>> _paths = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<YamlNode, UncertainInput> _inputs = new(ReferenceEqualityComparer.Instance);

    /// <summary>Finds the paths of every distribution mapping in <paramref name="root"/> (several for a node reached again through an alias; the first names it).</summary>
    public UncertainFields(YamlNode root) => Walk(root, "", 0);

    /// <summary>The inputs read so far with their nodes, sorted by path (ordinal).</summary>
    public IReadOnlyList<(YamlNode Node, UncertainInput Input)> Inputs =>
        [.. _inputs.Select(p => (p.Key, p.Value)).OrderBy(p => p.Value.Path, StringComparer.Ordinal)];

    /// <summary>Reads the distribution at <paramref name="node"/> (fields <paramref name="f"/>) for a field allowing <paramref name="range"/>; returns its median, or null with problems recorded.</summary>
    public double? Read(YamlFields f, YamlNode node, FieldRange range)
    {
        if (_inputs.TryGetValue(node, out var known))
        {
            return known.Used(known.Distribution.Median);
        }
        var kind = f.Choice("distribution", KindIndex);
        if (kind is null)
        {
            return null;
        }
        var distribution = ReadKind(f, InputDistributions.Kinds[kind.Value]);
        f.RejectUnknown();
        if (distribution is null || !WithinField(f, distribution, range))
        {
            return null;
        }
        var paths = _paths.GetValueOrDefault(node);
        var path = paths?[0] ?? f.Path;
        var input = new UncertainInput(path, distribution, range.Whole, FieldUnits.Of(path)) { SharedPaths = paths is { Count: > 1 } ? paths : [] };
        _inputs[node] = input;
        return input.Used(distribution.Median);
    }

    private static InputDistribution? ReadKind(YamlFields f, string kind) => kind switch
    {
        "uniform" => Uniform(f),
        "triangular" => Triangular(f, pert: false),
        "pert" => Triangular(f, pert: true),
        "normal" => Normal(f),
        "lognormal" => LogNormal(f),
        "gamma" => Gamma(f),
        "beta" => Beta(f),
        "discrete" => Discrete(f),
        _ => Empirical(f),
    };

    private static InputDistribution? Uniform(YamlFields f)
    {
        var (min, max) = (Param(f, "min"), Param(f, "max"));
        if (min is null || max is null)
        {
            return null;
        }
        return Below(f, "min", min.Value, "max", max.Value) ? InputDistributions.Uniform(min.Value, max.Value) : null;
    }

    private static InputDistribution? Triangular(YamlFields f, bool pert)
    {
        var (min, mode, max) = (Param(f, "min"), Param(f, "mode"), Param(f, "max"));
        var lambda = pert ? Param(f, "lambda", required: false, positive: true) : null;
        if (min is null || mode is null || max is null || (pert && f.Node("lambda", false) is not null && lambda is null))
        {
            return null;
        }
        if (!(min <= mode && mode <= max && min < max))
        {
            f.Report($"min {N(min.Value)}, mode {N(mode.Value)}, max {N(max.Value)} are out of order; allowed: min ≤ mode ≤ max with min < max");
            return null;
        }
        return pert
            ? InputDistributions.Pert(min.Value, mode.Value, max.Value, lambda ?? InputDistributions.DefaultPertLambda)
            : InputDistributions.Triangular(min.Value, mode.Value, max.Value);
    }

    private static InputDistribution? Normal(YamlFields f)
    {
        var (mean, sd) = (Param(f, "mean"), Param(f, "sd", positive: true));
        var (min, max, ok) = Truncation(f);
        return mean is null || sd is null || !ok ? null : Kept(f, InputDistributions.Normal(mean.Value, sd.Value, min, max));
    }

    private static InputDistribution? LogNormal(YamlFields f)
    {
        var (mean, sd) = (Param(f, "mean", positive: true), Param(f, "sd", positive: true));
        var (min, max, ok) = Truncation(f);
        return mean is null || sd is null || !ok ? null : Kept(f, InputDistributions.LogNormal(mean.Value, sd.Value, min, max));
    }

    private static InputDistribution? Gamma(YamlFields f)
    {
        var byShape = f.Node("shape", false) is not null || f.Node("scale", false) is not null;
        var (a, b) = byShape
            ? (Param(f, "shape", positive: true), Param(f, "scale", positive: true))
            : (Param(f, "mean", positive: true), Param(f, "sd", positive: true));
        var (min, max, ok) = Truncation(f);
        if (a is null || b is null || !ok)
        {
            return null;
        }
        var (shape, scale) = byShape ? (a.Value, b.Value) : (a.Value * a.Value / (b.Value * b.Value), b.Value * b.Value / a.Value);
        InputParameter[] given = [new(byShape ? "shape" : "mean", [a.Value]), new(byShape ? "scale" : "sd", [b.Value]),
            .. new[] { ("min", min), ("max", max) }.Where(p => p.Item2 is not null).Select(p => new InputParameter(p.Item1, [p.Item2!.Value]))];
        return Kept(f, InputDistributions.Gamma(shape, scale, min, max, given));
    }

    private static InputDistribution? Beta(YamlFields f)
    {
        var (alpha, beta) = (Param(f, "alpha", positive: true), Param(f, "beta", positive: true));
        var (min, max) = (Param(f, "min", required: false) ?? 0, Param(f, "max", required: false) ?? 1);
        if (alpha is null || beta is null || !Below(f, "min", min, "max", max))
        {
            return null;
        }
        return InputDistributions.Beta(alpha.Value, beta.Value, min, max);
    }

    private static InputDistribution? Discrete(YamlFields f)
    {
        var values = Numbers(f, "values", double.NegativeInfinity, Any);
        var weights = Numbers(f, "weights", 0, "a weight ≥ 0");
        if (values is null || weights is null)
        {
            return null;
        }
        if (values.Count != weights.Count)
        {
            f.Report($"{values.Count} values but {weights.Count} weights; allowed: one weight ≥ 0 for each value");
            return null;
        }
        if (weights.Sum() <= 0)
        {
            f.Report("the weights sum to 0; allowed: weights ≥ 0 with a sum above 0 (they need not sum to 1)");
            return null;
        }
        return InputDistributions.Discrete(values, weights);
    }

    private static InputDistribution? Empirical(YamlFields f) =>
        Numbers(f, "values", double.NegativeInfinity, Any) is { } values ? InputDistributions.Empirical(values) : null;

    private static List<double>? Numbers(YamlFields f, string key, double min, string allowed)
    {
        var items = f.List(key);
        if (items.Count == 0)
        {
            if (f.Node(key, false) is { } empty)
            {
                f.Report(empty, f.PathOf(key), $"empty list; allowed: a list of at least one number ({allowed})");
            }
            return null;
        }
        var values = items.Select(i => f.NumberAt(i.Node, i.Path, min, double.PositiveInfinity, allowed, fixedOnly: true)).ToList();
        return values.Contains(null) ? null : [.. values.Select(v => v!.Value)];
    }

    private static (double? Min, double? Max, bool Ok) Truncation(YamlFields f)
    {
        var (min, max) = (Param(f, "min", required: false), Param(f, "max", required: false));
        var ok = (f.Node("min", false) is null || min is not null) && (f.Node("max", false) is null || max is not null);
        if (ok && min is { } a && max is { } b)
        {
            ok = Below(f, "min", a, "max", b);
        }
        return (min, max, ok);
    }

    private static InputDistribution? Kept(YamlFields f, InputDistribution d)
    {
        if (d is ContinuousInput { IsTruncated: true, KeptProbability: < 1e-9 })
        {
            f.Report($"min and max keep almost none of the {d.Kind} distribution (probability below 1e-9); allowed: a range that holds a real part of it");
            return null;
        }
        return d;
    }

    private static bool Below(YamlFields f, string lowName, double low, string highName, double high)
    {
        if (low < high)
        {
            return true;
        }
        f.Report($"{lowName} {N(low)} is not below {highName} {N(high)}; allowed: {lowName} < {highName}");
        return false;
    }

    private static double? Param(YamlFields f, string key, bool required = true, bool positive = false) =>
        positive
            ? f.Number(key, 0, double.PositiveInfinity, "a number > 0", required, exclusiveMin: true, fixedOnly: true)
            : f.Number(key, double.NegativeInfinity, double.PositiveInfinity, Any, required, fixedOnly: true);

    private static bool WithinField(YamlFields f, InputDistribution d, FieldRange range)
    {
        var (lo, hi) = (d.Lower, d.Upper);
        var below = lo < range.Min || (range.ExclusiveMin && lo <= range.Min && d.IsDiscrete);
        if (!below && hi <= range.Max)
        {
            return true;
        }
        var reach = (double.IsInfinity(lo), double.IsInfinity(hi)) switch
        {
            (true, true) => "can take any value",
            (false, true) => $"can take any value above {N(lo)}",
            _ => $"takes values from {N(lo)} to {N(hi)}",
        };
        var fix = d.Kind is "normal" or "lognormal" or "gamma"
            ? "; truncate it with min: and max: inside that range"
            : "; choose parameters inside that range";
        f.Report($"this {d.Kind} distribution {reach}, outside what the field allows; allowed: {range.Allowed}{fix}");
        return false;
    }

    private void Walk(YamlNode node, string path, int depth)
    {
        if (depth > 64)
        {
            return;
        }
        switch (node)
        {
            case YamlMappingNode map:
                if (YamlNodes.IsDistribution(map))
                {
                    if (_paths.TryGetValue(map, out var paths))
                    {
                        paths.Add(path);
                        return;
                    }
                    _paths[map] = [path];
                }
                foreach (var (k, v) in map.Children)
                {
                    var key = (k as YamlScalarNode)?.Value ?? "";
                    Walk(v, key == "value" ? path : path.Length == 0 ? key : $"{path}.{key}", depth + 1);
                }
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var name = IdOf(list.Children[i], "id") ?? IdOf(list.Children[i], "commissioner");
                    Walk(list.Children[i], name is null ? $"{path}[{i}]" : $"{path}.{name}", depth + 1);
                }
                break;
        }
    }

    private static string? IdOf(YamlNode node, string key) => YamlNodes.Text(node, key);

    private static string N(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
