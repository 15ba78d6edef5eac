using System.CommandLine;
using System.CommandLine.Parsing;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The one message for a command line the parser refused as a whole: no command, a command that does not exist, an option
/// the command does not have, an option given twice, a word too many, its scenario file or a required option missing, each naming what is allowed. The parser's own
/// messages came several at once for one mistake ("Required command was not provided." beside "Unrecognized command or
/// argument 'runn'.", and the scenario after it refused again), without saying what would do.
/// </summary>
internal static class ParseErrorMessage
{
    /// <summary>
    /// The lines (without "error: ") for <paramref name="parsed"/>'s errors: one when the command line is wrong as a whole,
    /// else the parser's messages, which the options' own checks word.
    /// </summary>
    public static IReadOnlyList<string> Of(ParseResult parsed)
    {
        var result = parsed.CommandResult;
        var command = result.Command;
        var name = CommandLine(result);
        var unmatched = parsed.UnmatchedTokens;
        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            var commands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
            var allowed = $"{name} COMMAND, with COMMAND one of {string.Join(", ", commands)}";
            return [unmatched.Count > 0
                ? $"{name}: '{unmatched[0]}' is not a command" + DidYouMean.Allowed(unmatched[0], commands, allowed)
                : $"{name}: no command given; allowed: {allowed}"];
        }
        // An option without its value comes first: the words after it are then misread (in "--runs --seed 3" the parser
        // takes "--seed" for the runs, and 3 for a word too many).
        var names = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        if (command.Options.FirstOrDefault(o => o.Arity.MinimumNumberOfValues > 0 && result.GetResult(o) is OptionResult { Implicit: false } r
                && (r.Tokens.Count == 0 || r.Tokens.Any(t => names.Contains(t.Value)))) is { } empty)
        {
            return [$"{empty.Name}: no value given; allowed: {Allowed(empty.Description) ?? $"a value after {empty.Name} (see '{name} --help')"}"];
        }
        if (command.Options.Select(o => result.GetResult(o)).OfType<OptionResult>().FirstOrDefault(r => r.Option.Arity.MaximumNumberOfValues == 1 && r.Tokens.Count > 1) is { } twice)
        {
            var option = twice.Option;
            return [$"{option.Name}: given {twice.Tokens.Count} times ({string.Join(", ", twice.Tokens.Select(t => t.Value))}); allowed: once, {Allowed(option.Description) ?? $"with one value (see '{name} --help')"}"];
        }
        if (unmatched.Count > 0)
        {
            return [NotOfCommand(command, name, unmatched[0])];
        }
        if (command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0 && result.GetResult(a) is not { Tokens.Count: > 0 }) is { } missing)
        {
            return [$"{name}: no {missing.Name} given; allowed: {Usage(command, name)}, with {missing.Name} {Lowered(missing.Description)}"];
        }
        if (command.Options.FirstOrDefault(o => o.Required && result.GetResult(o) is not { Implicit: false }) is { } required)
        {
            return [$"{name}: no {required.Name} given, and it is required; allowed: {required.Name} {Allowed(required.Description) ?? $"with a value (see '{name} --help')"}"];
        }
        return [.. parsed.Errors.Select(e => e.Message)];
    }

    /// <summary>
    /// The message for <paramref name="token"/>, a word <paramref name="command"/> (called <paramref name="name"/> on the
    /// command line) does not take: an option it does not have, with the nearest it has, or a word after its arguments.
    /// </summary>
    public static string NotOfCommand(Command command, string name, string token)
    {
        if (token.StartsWith('-'))
        {
            var options = command.Options.Where(o => !o.Hidden).Select(o => o.Name).ToList();
            var spelling = token.Split('=', 2)[0];
            return $"{name}: unknown option '{token}'" + DidYouMean.Allowed(spelling, options, string.Join(", ", options));
        }
        return $"{name}: '{token}' is one word too many; allowed: {Usage(command, name)}";
    }

    /// <summary>The command line that names <paramref name="command"/>, like "marketsim cluster status".</summary>
    public static string CommandLine(CommandResult? command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parent as CommandResult)
        {
            names.Add(c.Command is RootCommand ? "marketsim" : c.Command.Name);
        }
        names.Reverse();
        return names.Count == 0 ? "marketsim" : string.Join(' ', names);
    }

    private static string Usage(Command command, string name) =>
        string.Join(' ', [name, .. command.Arguments.Select(a => a.Arity.MaximumNumberOfValues > 1 ? $"{a.Name}..." : a.Name), "[options]"]);

    // "... Allowed: a whole number from 2 to 9 (a standard error needs two runs)." gives what follows "Allowed: ".
    private static string? Allowed(string? description) =>
        description?.IndexOf("Allowed: ", StringComparison.Ordinal) is int at and >= 0 ? description[(at + "Allowed: ".Length)..].TrimEnd('.') : null;

    // "The scenario file (YAML); see docs/scenario-format.md." reads "the scenario file (YAML); see docs/scenario-format.md" after "with SCENARIO".
    private static string Lowered(string? description) =>
        string.IsNullOrWhiteSpace(description) ? "as --help describes" : char.ToLowerInvariant(description[0]) + description[1..].TrimEnd('.');
}
