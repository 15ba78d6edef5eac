using System.Globalization;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// A loaded scenario whose uncertain inputs are drawn per run: the median scenario (every input at its
/// median, what validation checks), the inputs sorted by path, and the parsed YAML, so a run's scenario is
/// made by putting its sampled values in place of the distributions and reading the tree again, without
/// re-parsing text.
/// </summary>
public sealed class UncertainScenario
{
    private readonly ScenarioDocument _document;
    private readonly string _file;
    private readonly YamlNode[] _nodes;
    private readonly HashSet<YamlNode> _ancestors = new(ReferenceEqualityComparer.Instance);

    internal UncertainScenario(MarketScenario median, ScenarioDocument document, string file, IReadOnlyList<(YamlNode Node, UncertainInput Input)> inputs)
    {
        Median = median;
        _document = document;
        _file = file;
        _nodes = [.. inputs.Select(i => i.Node)];
        Inputs = [.. inputs.Select(i => i.Input)];
        MarkAncestors(document.Root, new HashSet<YamlNode>(_nodes, ReferenceEqualityComparer.Instance));
    }

    /// <summary>The scenario with every uncertain input at its median (rounded for whole-number fields).</summary>
    public MarketScenario Median { get; }

    /// <summary>The uncertain inputs, sorted by path: the order of their values and columns.</summary>
    public IReadOnlyList<UncertainInput> Inputs { get; }

    /// <summary>The rank correlations between inputs (the <c>correlations:</c> section), or null when they are independent.</summary>
    public ScenarioCorrelations? Correlations { get; init; }

    /// <summary>What loading the scenario warns about (a repaired correlation matrix): not errors, but the user must see them.</summary>
    public IReadOnlyList<ScenarioProblem> Warnings { get; init; } = [];

    /// <summary>
    /// The file as it was read when the scenario was loaded from one (<see cref="ScenarioLoader.TryLoadUncertain"/>), which
    /// a results folder records; null for scenario text parsed without a file (a run's scenario on a silo).
    /// </summary>
    public ScenarioSource? Source { get; init; }

    /// <summary>The runs.csv columns of the inputs' sampled values.</summary>
    public IReadOnlyList<OutcomeColumn> InputColumns =>
        [.. Inputs.Select(i => new OutcomeColumn(i.ColumnName, i.Unit, $"Sampled value of the uncertain input {i.Path} ({i.Distribution.Kind})", false))];

    /// <summary>
    /// The scenario with <paramref name="values"/> (one per input, in <see cref="Inputs"/> order) in place of the
    /// distributions; throws <see cref="ScenarioException"/> when those values break a check that spans fields.
    /// </summary>
    public MarketScenario With(ReadOnlySpan<double> values)
    {
        var (scenario, problems) = LoadWith(values);
        if (scenario is not null)
        {
            return scenario;
        }
        var copy = values.ToArray();
        var sampled = string.Join(", ", Inputs.Select((input, i) => $"{input.Path} = {copy[i].ToString("G6", CultureInfo.InvariantCulture)}"));
        throw new ScenarioException([.. problems.Select(p => p with { Message = $"with sampled inputs {sampled}: {p.Message}" })]);
    }

    /// <summary>
    /// Checks that spans fields, made with each input in turn at its lowest and at its highest value (the
    /// others at their medians): a shock week past the horizon, a change to the outputs' layout. Each problem
    /// is reported at the input.
    /// </summary>
    internal IEnumerable<ScenarioProblem> ProblemsAtExtremes()
    {
        var medians = Inputs.Select(i => i.Used(i.Distribution.Median)).ToArray();
        var stride = new OutcomeSchema(Median).Stride;
        for (var i = 0; i < Inputs.Count; i++)
        {
            foreach (var (end, x) in new[] { ("lowest", Inputs[i].Distribution.Lower), ("highest", Inputs[i].Distribution.Upper) })
            {
                if (!double.IsFinite(x))
                {
                    continue;
                }
                var values = (double[])medians.Clone();
                values[i] = Inputs[i].Used(x);
                var problem = Problem(values);
                if (problem is not null)
                {
                    var node = _nodes[i];
                    var file = _document.Origins.GetValueOrDefault(node) ?? _file;
                    var at = values[i].ToString("G6", CultureInfo.InvariantCulture);
                    yield return new ScenarioProblem(file, node.Start.Line, node.Start.Column, Inputs[i].Path,
                        $"at its {end} value {at} the scenario is not valid: {problem}; allowed: a distribution whose every value gives a valid scenario");
                    break;
                }
            }
        }

        string? Problem(double[] values)
        {
            var (scenario, problems) = LoadWith(values);
            if (scenario is null)
            {
                return problems.Count > 0 ? $"{problems[0].FieldPath}: {problems[0].Message}" : "it does not load";
            }
            return new OutcomeSchema(scenario).Stride == stride ? null : "it changes the scenario's outputs (its providers, funding streams or entities)";
        }
    }

    /// <summary>Reads the parsed tree again with <paramref name="values"/> in place of the distributions.</summary>
    private (MarketScenario? Scenario, IReadOnlyList<ScenarioProblem> Problems) LoadWith(ReadOnlySpan<double> values)
    {
        var replacements = new Dictionary<YamlNode, YamlNode>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _nodes.Length; i++)
        {
            replacements[_nodes[i]] = new YamlScalarNode(values[i].ToString("R", CultureInfo.InvariantCulture));
        }
        return ScenarioLoader.FromDocument(_document.WithRoot(Replace(_document.Root, replacements)), _file, uncertain: false);
    }

    private YamlNode Replace(YamlNode node, Dictionary<YamlNode, YamlNode> replacements)
    {
        if (replacements.TryGetValue(node, out var replacement))
        {
            return replacement;
        }
        if (!_ancestors.Contains(node))
        {
            return node;
        }
        return node switch
        {
            YamlMappingNode map => new YamlMappingNode(map.Children.Select(p => new KeyValuePair<YamlNode, YamlNode>(p.Key, Replace(p.Value, replacements)))),
            YamlSequenceNode list => new YamlSequenceNode(list.Children.Select(c => Replace(c, replacements))),
            _ => node,
        };
    }

    private bool MarkAncestors(YamlNode node, HashSet<YamlNode> targets)
    {
        if (targets.Contains(node))
        {
            return true;
        }
        var children = node switch
        {
            YamlMappingNode map => map.Children.Values,
            YamlSequenceNode list => list.Children,
            _ => [],
        };
        var any = false;
        foreach (var child in children)
        {
            any |= MarkAncestors(child, targets);
        }
        if (any)
        {
            _ancestors.Add(node);
        }
        return any;
    }
}
