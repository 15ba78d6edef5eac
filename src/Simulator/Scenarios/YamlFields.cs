using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// Reads the fields of one YAML mapping, recording a problem (with line, column and field path) for
/// each missing, mistyped or out-of-range value instead of stopping at the first. Every field a
/// reader asks for becomes known; <see cref="RejectUnknown()"/> then reports the rest, with a
/// did-you-mean. Any mapping may carry a <c>source</c> note, and any number may be written as
/// <c>{ value: 14.36, source: "…" }</c>.
/// </summary>
internal sealed class YamlFields
{
    private const string SourceKey = "source";
    private readonly YamlMappingNode _node;
    private readonly List<ScenarioProblem> _problems;
    private readonly string _file;
    private readonly List<string> _known = [];
    private readonly Dictionary<string, ScenarioProblem> _missing = [];
    private readonly IReadOnlyDictionary<YamlNode, string>? _origins;
    private readonly UncertainFields? _uncertain;

    private YamlFields(YamlMappingNode node, string path, string file, List<ScenarioProblem> problems, IReadOnlyDictionary<YamlNode, string>? origins, UncertainFields? uncertain)
    {
        _uncertain = uncertain;
        _node = node;
        Path = path;
        _file = file;
        _problems = problems;
        _origins = origins;
    }

    /// <summary>The path of this mapping, e.g. <c>zones[1].demand</c>.</summary>
    public string Path { get; }

    /// <summary>The file being read, as the user named it.</summary>
    public string File => _file;

    /// <summary>Where problems are collected.</summary>
    public List<ScenarioProblem> Problems => _problems;

    /// <summary>
    /// Reads <paramref name="node"/> as a mapping, or records a problem and returns null.
    /// <paramref name="origins"/> names the file of nodes that came from a base scenario; numbers given as
    /// distributions are read into <paramref name="uncertain"/>, and are errors without it. A node that is
    /// not a mapping is reported with what is <paramref name="allowed"/> there, when given, or else with the fields
    /// <paramref name="fieldsOf"/> reads (<c>phasing: yes</c>, a list entry written as one value).
    /// </summary>
    public static YamlFields? Of(YamlNode? node, string path, string file, List<ScenarioProblem> problems, IReadOnlyDictionary<YamlNode, string>? origins = null, UncertainFields? uncertain = null, string? allowed = null, Action<YamlFields>? fieldsOf = null)
    {
        if (node is YamlMappingNode map)
        {
            return new YamlFields(map, path, file, problems, origins, uncertain);
        }
        if (node is not null)
        {
            allowed ??= fieldsOf is null ? null : FieldsRead(fieldsOf, path, file);
            var expected = "expected a mapping of fields (key: value lines)";
            problems.Add(Problem(origins?.GetValueOrDefault(node) ?? file, node, path, allowed is null ? expected : $"{expected}; allowed: {allowed}"));
        }
        return null;
    }

    /// <summary>Reads another node of the same file as a mapping (see <see cref="Of"/>).</summary>
    public YamlFields? Child(YamlNode? node, string path, string? allowed = null, Action<YamlFields>? fieldsOf = null) => Of(node, path, _file, _problems, _origins, _uncertain, allowed, fieldsOf);

    /// <summary>Records a problem at <paramref name="node"/> (or at this mapping).</summary>
    public void Report(YamlNode? node, string path, string message) =>
        _problems.Add(Problem(FileOf(node ?? _node), node ?? _node, path, message));

    /// <summary>Records a problem about this mapping as a whole.</summary>
    public void Report(string message) => Report(_node, Path, message);

    /// <summary>The node of field <paramref name="key"/>, or null (recording a problem, which says what is <paramref name="allowed"/> when given, when required).</summary>
    public YamlNode? Node(string key, bool required, string? allowed = null)
    {
        if (!_known.Contains(key))
        {
            _known.Add(key);
        }
        if (_node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value))
        {
            return value;
        }
        if (required)
        {
            var problem = Problem(FileOf(_node), _node, Path, allowed is null ? $"missing required field '{key}'" : $"missing required field '{key}'; allowed: {allowed}");
            _missing[key] = problem;
            _problems.Add(problem);
        }
        return null;
    }

    /// <summary>The path of field <paramref name="key"/>.</summary>
    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>A text field; a missing one is reported with what is <paramref name="allowed"/>, when given.</summary>
    public string? Text(string key, bool required = true, string? allowed = null)
    {
        var node = Node(key, required, allowed);
        if (node is null)
        {
            return null;
        }
        if (node is YamlScalarNode { Value: { } text })
        {
            return text;
        }
        if (YamlNodes.IsDistribution(node))
        {
            Report(node, PathOf(key), "is text or an id and cannot be uncertain; allowed: one fixed value, without distribution:");
            return null;
        }
        if (node is YamlMappingNode)
        {
            var inner = Child(node, PathOf(key))!;
            var value = inner.Text("value");
            inner.RejectUnknown();
            return value;
        }
        Report(node, PathOf(key), "expected text");
        return null;
    }

    /// <summary>
    /// A number in [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="allowed"/> says so in words.
    /// It may be given as a distribution (an uncertain input) unless <paramref name="fixedOnly"/>; the value
    /// returned is then its median (rounded when <paramref name="whole"/>).
    /// </summary>
    public double? Number(string key, double min, double max, string allowed, bool required = true, bool exclusiveMin = false, bool whole = false, bool fixedOnly = false)
    {
        var node = Node(key, required, FieldRange.Stated(allowed, min, max, exclusiveMin));
        return node is null ? null : NumberAt(node, PathOf(key), min, max, allowed, exclusiveMin, whole, fixedOnly);
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? Integer(string key, int min, int max, string allowed, bool required = true)
    {
        var value = Number(key, min, max, allowed, required, whole: true);
        if (value is null)
        {
            return null;
        }
        if (value != Math.Floor(value.Value))
        {
            Report(_node.Children[new YamlScalarNode(key)], PathOf(key), $"{value} is not a whole number; allowed: {FieldRange.Stated(allowed, min, max, exclusiveMin: false)}");
            return null;
        }
        return (int)value.Value;
    }

    /// <summary>One of the names in <paramref name="choices"/>.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = true)
        where T : struct
    {
        var text = required && Node(key, true, string.Join(", ", choices.Keys)) is null ? null : Text(key, required);
        if (text is null)
        {
            return null;
        }
        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }
        Report(_node.Children[new YamlScalarNode(key)], PathOf(key), $"'{text}' is not allowed{DidYouMean.Allowed(text, choices.Keys, string.Join(", ", choices.Keys))}");
        return null;
    }

    /// <summary>
    /// A nested mapping; a missing or mistyped one is reported with what is <paramref name="allowed"/>, when given, or else,
    /// for one that is not a mapping (<c>cpi: 0.02</c>), with the fields <paramref name="fieldsOf"/> reads.
    /// </summary>
    public YamlFields? Object(string key, bool required = true, string? allowed = null, Action<YamlFields>? fieldsOf = null) =>
        Child(Node(key, required, allowed), PathOf(key), allowed, fieldsOf);

    /// <summary>
    /// "a mapping of the fields a, b, source": the fields <paramref name="read"/> asks for, found by reading an empty mapping
    /// whose problems are dropped. A reader whose fields depend on a type it reads asks for them all when the type is missing.
    /// </summary>
    public static string FieldsRead(Action<YamlFields> read, string path = "", string file = "")
    {
        var empty = new YamlFields(new YamlMappingNode(), path, file, [], origins: null, uncertain: null);
        read(empty);
        return $"a mapping of the fields {string.Join(", ", empty._known.Where(k => k != SourceKey).Append(SourceKey))}";
    }

    /// <summary>The items of a list field, each with its path; empty when absent or not a list (reported with what is <paramref name="allowed"/>, when given).</summary>
    public IReadOnlyList<(YamlNode Node, string Path)> List(string key, bool required = true, string? allowed = null)
    {
        var node = Node(key, required, allowed);
        if (node is null)
        {
            return [];
        }
        var path = PathOf(key);
        if (node is YamlMappingNode)
        {
            var inner = Child(node, path)!;
            node = inner.Node("value", required: true);
            inner.RejectUnknown();
            if (node is null)
            {
                return [];
            }
        }
        if (node is YamlSequenceNode seq)
        {
            return [.. seq.Children.Select((n, i) => (n, $"{path}[{i}]"))];
        }
        var expected = "expected a list (lines starting with '- ', or [a, b])";
        Report(node, path, allowed is null ? expected : $"{expected}; allowed: {allowed}");
        return [];
    }

    /// <summary>A number held by a list item or another node.</summary>
    public double? NumberAt(YamlNode node, string path, double min, double max, string allowed, bool exclusiveMin = false, bool whole = false, bool fixedOnly = false)
    {
        allowed = FieldRange.Stated(allowed, min, max, exclusiveMin);
        if (YamlNodes.IsDistribution(node))
        {
            if (fixedOnly || _uncertain is null)
            {
                var why = fixedOnly ? "this value cannot be uncertain" : "distributions are not read here";
                Report(node, path, $"{why}; allowed: one fixed number, {allowed}");
                return null;
            }
            return _uncertain.Read(Child(node, path)!, node, new FieldRange(min, max, allowed, exclusiveMin, whole));
        }
        if (node is YamlMappingNode)
        {
            var inner = Child(node, path)!;
            var value = inner.Number("value", min, max, allowed, required: true, exclusiveMin);
            inner.RejectUnknown();
            return value;
        }
        if (node is not YamlScalarNode { Value: { } text }
            || YamlNumber.Of(text) is not { } number)
        {
            var written = (node as YamlScalarNode)?.Value;
            var correction = written is null ? null : PercentSign.Correction(written, path);
            Report(node, path, node is YamlSequenceNode ? $"expected a number, found a list; allowed: {allowed}"
                : correction is null ? $"'{written}' is not a number; allowed: {allowed}"
                : $"'{written}' is not a number: {correction}; allowed: {allowed}");
            return null;
        }
        if (number < min || number > max || (exclusiveMin && number == min))
        {
            var what = number < 0 && min >= 0 ? "is negative" : "is out of range";
            Report(node, path, $"{text} {what}; allowed: {allowed}");
            return null;
        }
        return number;
    }

    /// <summary>Reports every field of this mapping that no reader asked for.</summary>
    public void RejectUnknown() => RejectUnknown(null);

    /// <summary>
    /// Reports each key not read as <paramref name="describe"/> words it (a partner id that names no partner is not an
    /// "unknown field"), or as an unknown field when it is null; returns whether there was one.
    /// </summary>
    public bool RejectUnknown(Func<string, string>? describe)
    {
        var found = false;
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (key == SourceKey || _known.Contains(key))
            {
                continue;
            }
            found = true;
            if (describe is not null)
            {
                Report(keyNode, PathOf(key), describe(key));
                continue;
            }
            var suggestion = DidYouMean.Suggest(key, _known);
            var hint = suggestion is null ? ";" : $"; did you mean '{suggestion}'?";
            if (suggestion is not null && _missing.Remove(suggestion, out var missing))
            {
                _problems.Remove(missing); // one message for a misspelt required field, not two
            }
            Report(keyNode, PathOf(key), $"unknown field '{key}'{hint} allowed here: {string.Join(", ", _known.Append(SourceKey))}");
        }
        return found;
    }

    private string FileOf(YamlNode node) => _origins?.GetValueOrDefault(node) ?? _file;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.SingleQuoted and not YamlDotNet.Core.ScalarStyle.DoubleQuoted, Value: "" or "~" or "null" };

    private static ScenarioProblem Problem(string file, YamlNode node, string path, string message) =>
        new(file, node.Start.Line, node.Start.Column, path, message);
}
