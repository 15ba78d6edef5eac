using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// Reads a file's YAML event stream once, before it is loaded as nodes, and reports what would make
/// loading it fail or run away, each at its line and column: a syntax error, a key given twice in one
/// mapping, an alias to no anchor or to the block it sits in, nesting past <see cref="MaxDepth"/> levels
/// (which would overflow the stack) and aliases that expand past <see cref="MaxNodes"/> values.
/// </summary>
internal static partial class YamlStructure
{
    /// <summary>The deepest nesting of lists and mappings allowed; a scenario needs about eight.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most values a file may hold once its aliases are expanded.</summary>
    public const long MaxNodes = 1_000_000;

    /// <summary>What the YAML reader says for the mistakes people make most, and the same in words with what is allowed.</summary>
    private static readonly (string Says, string Words)[] Mistakes =
    [
        ("did not find expected '-' indicator",
            "this line is indented neither as an item of the list above it nor as a field of that item; allowed: a list's items at one indentation, each starting '- ', and an item's fields lined up under its first one"),
        ("While parsing a block mapping, did not find expected key",
            "this line is not lined up with the fields of the mapping it is in, or has text after a closing bracket; allowed: the fields of a mapping at one indentation, each 'name: value'"),
        ("did not find expected ',' or ']'",
            "a [ ] list that starts on or before this line is not closed where it should be (a ] missing, or a bracket too many); allowed: [a, b, c], its brackets paired"),
        ("did not find expected ',' or '}'",
            "a { } mapping that starts on or before this line is not closed where it should be (a } missing, or a bracket too many); allowed: { name: value, name: value }, its brackets paired"),
        ("found invalid mapping",
            "a ': ' inside a value, or a field indented under a field that already has a value; allowed: text with ': ' in it in quotes (\"a: b\"), and each field on its own line"),
        ("found character that cannot start any token",
            "a character that cannot start a YAML value (such as @ or `); allowed: text that starts with it in quotes"),
    ];

    /// <summary>Every problem found (empty when the text can be loaded); a syntax error, a too-deep or too-large file ends the reading.</summary>
    public static IReadOnlyList<ScenarioProblem> Check(string text, string file)
    {
        var problems = new List<ScenarioProblem>();
        var parser = new Parser(new StringReader(text));
        var open = new Stack<Block>();
        var anchors = new Dictionary<string, Anchored>();
        var last = Mark.Empty;
        long nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.End;
                if (Unsupported(current) is { } what)
                {
                    problems.Add(new(file, current.Start.Line, current.Start.Column, "", what));
                }
                switch (current)
                {
                    case Scalar scalar:
                        Enter(open, scalar, problems, file);
                        nodes++;
                        Remember(anchors, scalar.Anchor, size: 1, depth: 0);
                        Leave(open);
                        break;
                    case AnchorAlias alias:
                        Enter(open, alias, problems, file);
                        var name = alias.Value.Value;
                        if (!anchors.TryGetValue(name, out var target))
                        {
                            problems.Add(new(file, alias.Start.Line, alias.Start.Column, "", $"alias '*{name}' refers to no anchor above it; allowed: an alias to an anchor (&{name}) written earlier in the file"));
                        }
                        else if (target.Open)
                        {
                            problems.Add(new(file, alias.Start.Line, alias.Start.Column, "", $"alias '*{name}' is inside the block it refers to, which would repeat forever; allowed: an alias to a block that ends before it"));
                        }
                        else
                        {
                            nodes += target.Size;
                            if (open.Count + target.Depth > MaxDepth)
                            {
                                problems.Add(TooDeep(file, alias.Start));
                                return problems;
                            }
                        }
                        Leave(open);
                        break;
                    case NodeEvent start and (SequenceStart or MappingStart):
                        var at = Enter(open, start, problems, file);
                        nodes++;
                        open.Push(new Block(start is MappingStart, at, start.Anchor, nodes));
                        if (!start.Anchor.IsEmpty)
                        {
                            anchors[start.Anchor.Value] = new Anchored(Open: true, 0, 0);
                        }
                        if (open.Count > MaxDepth)
                        {
                            problems.Add(TooDeep(file, start.Start));
                            return problems;
                        }
                        break;
                    case SequenceEnd or MappingEnd:
                        var block = open.Pop();
                        Remember(anchors, block.Anchor, nodes - block.NodesBefore + 1, block.Depth);
                        if (open.TryPeek(out var parent))
                        {
                            parent.Depth = Math.Max(parent.Depth, block.Depth + 1);
                        }
                        Leave(open);
                        break;
                }
                if (nodes > MaxNodes)
                {
                    problems.Add(new(file, current.Start.Line, current.Start.Column, "", $"aliases make the file more than {MaxNodes.ToString("N0", CultureInfo.InvariantCulture)} values long; allowed: aliases that repeat a block a few times"));
                    return problems;
                }
            }
            return problems;
        }
        catch (YamlException ex)
        {
            problems.Add(SyntaxError(text, file, ex));
            return problems;
        }
        catch (InvalidOperationException)
        {
            problems.Add(new(file, last.Line, last.Column, "", "malformed YAML: the file ends inside an unclosed [ ] list or { } mapping that starts on or before this line"));
            return problems;
        }
    }

    /// <summary>
    /// What MarketSim does not read in a node, which YAML allows: a merge key (<c>&lt;&lt;</c>), which the loader
    /// would take for a field, and a tag of one's own (<c>!hours 500</c>), which it would ignore; null when neither.
    /// </summary>
    private static string? Unsupported(ParsingEvent current)
    {
        if (current is Scalar { Value: "<<", Style: ScalarStyle.Plain })
        {
            return "a merge key (<<) is not read; allowed: an alias (*name) to reuse a whole block, or the block's fields written out where one differs";
        }
        if (current is NodeEvent { Tag: { IsEmpty: false, IsNonSpecific: false } tag } && !tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            return $"the tag '{tag.Value}' is not read; allowed: values without tags (units are in the field's name)";
        }
        return null;
    }

    /// <summary>
    /// A syntax error at its line, in the same words wherever the parser raised it (this check, or loading the
    /// nodes after it). The parser places a tab in the indentation at the value before it, so the first
    /// indenting tab is found here instead; an unclosed quote is placed at its opening quote.
    /// </summary>
    public static ScenarioProblem SyntaxError(string text, string file, YamlException ex)
    {
        var message = (ex.InnerException ?? ex).Message;
        if (message.Contains("tab", StringComparison.Ordinal) && IndentingTab(text) is var (line, column))
        {
            return new(file, line, column, "", "malformed YAML: a tab in the indentation; allowed: spaces to indent");
        }
        if (message.Contains("flow mapping, did not find expected ','", StringComparison.Ordinal) && AnchorBefore(text, ex.Start) is { } anchor)
        {
            return new(file, anchor.Line, anchor.Column, "", "malformed YAML: an anchor (&name) on a value with more entries after it in the same { } mapping, "
                + "which YAML allows but the YAML reader MarketSim uses cannot read; allowed: the anchored entry last in its { }, or the mapping written one field a line");
        }
        var what = !message.Contains("quoted scalar", StringComparison.Ordinal) ? InWords(message)
            : message.Contains("escape", StringComparison.Ordinal) || message.Contains("surrogate", StringComparison.Ordinal)
                ? "the quoted text that starts here has an escape (a backslash) YAML does not know, or half of a character; allowed: \\n, \\t, \\\\, \\\" and \\u of a whole character in double quotes, or single quotes, where a backslash is just a backslash"
                : "the quoted text that starts here is not closed; allowed: text between a pair of matching quotes";
        return new(file, ex.Start.Line, ex.Start.Column, "", $"malformed YAML: {what}");
    }

    /// <summary>The YAML reader's message for the mistakes people make most, in words, with what is allowed; any other as it is, pointing to the format's page.</summary>
    private static string InWords(string message)
    {
        foreach (var (says, words) in Mistakes)
        {
            if (message.Contains(says, StringComparison.Ordinal))
            {
                return words;
            }
        }
        return $"{message.TrimEnd('.')}; allowed: YAML as docs/scenario-format.md shows";
    }

    /// <summary>The last anchor (<c>&amp;name</c>) on the line of <paramref name="at"/> before it, where the parser stops in a { } mapping that has one.</summary>
    private static (long Line, long Column)? AnchorBefore(string text, Mark at)
    {
        var lines = text.Split('\n');
        if (at.Line < 1 || at.Line > lines.Length)
        {
            return null;
        }
        var line = lines[(int)at.Line - 1];
        var before = line[..(int)Math.Min(line.Length, Math.Max(0, at.Column - 1))];
        var anchor = AnchorOnAValue().Matches(before).LastOrDefault();
        return anchor is null ? null : (at.Line, anchor.Index + 1L);
    }

    [GeneratedRegex(@"(?<=[:,\[{]\s+)&[^\s,\[\]{}]+\s")]
    private static partial Regex AnchorOnAValue();

    private static (int Line, int Column)? IndentingTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }
        return null;
    }

    private static ScenarioProblem TooDeep(string file, Mark at) =>
        new(file, at.Line, at.Column, "", $"lists and mappings nested more than {MaxDepth} levels deep; allowed: at most {MaxDepth} levels");

    /// <summary>The field path of the node starting now, recording a key given twice in its mapping.</summary>
    private static string Enter(Stack<Block> open, ParsingEvent node, List<ScenarioProblem> problems, string file)
    {
        if (!open.TryPeek(out var parent))
        {
            return "";
        }
        if (!parent.IsMapping)
        {
            return $"{parent.Path}[{parent.Index}]";
        }
        if (!parent.ExpectingKey)
        {
            return parent.Field;
        }
        var key = (node as Scalar)?.Value ?? "";
        parent.Field = parent.Path.Length == 0 ? key : $"{parent.Path}.{key}";
        if (node is Scalar && !parent.Keys.Add(key))
        {
            problems.Add(new(file, node.Start.Line, node.Start.Column, parent.Field, "given twice; allowed: each field once"));
        }
        return parent.Field;
    }

    /// <summary>Moves the enclosing block on past the node just finished.</summary>
    private static void Leave(Stack<Block> open)
    {
        if (!open.TryPeek(out var parent))
        {
            return;
        }
        if (parent.IsMapping)
        {
            parent.ExpectingKey = !parent.ExpectingKey;
        }
        else
        {
            parent.Index++;
        }
    }

    private static void Remember(Dictionary<string, Anchored> anchors, AnchorName anchor, long size, int depth)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = new Anchored(Open: false, size, depth);
        }
    }

    private readonly record struct Anchored(bool Open, long Size, int Depth);

    private sealed class Block(bool isMapping, string path, AnchorName anchor, long nodesBefore)
    {
        public bool IsMapping { get; } = isMapping;

        public string Path { get; } = path;

        public AnchorName Anchor { get; } = anchor;

        public long NodesBefore { get; } = nodesBefore;

        public HashSet<string> Keys { get; } = [];

        public bool ExpectingKey { get; set; } = true;

        public string Field { get; set; } = "";

        public int Index { get; set; }

        public int Depth { get; set; } = 1;
    }
}
