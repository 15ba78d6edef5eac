using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The help of every command, as System.CommandLine writes it, followed for a command that has them by its examples
/// (`sensitivity` and `compare`): whole command lines on the bundled scenarios, which the options' one-line
/// descriptions cannot show, kept out of the list of commands that `marketsim --help` prints.
/// </summary>
internal sealed class ExamplesHelpAction(HelpAction help) : SynchronousCommandLineAction
{
    /// <summary>Makes the help option of <paramref name="root"/> (which every subcommand shares) end each command's help with its examples.</summary>
    public static void AddTo(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new ExamplesHelpAction((HelpAction)option.Action!);
    }

    /// <summary>The examples that end <paramref name="command"/>'s help; null for a command without.</summary>
    public static string? Of(Command command) => command.Name switch
    {
        "sensitivity" => SensitivityCommand.Examples,
        "compare" => CompareCommand.Examples,
        _ => null,
    };

    /// <summary>As the help it wraps: help is asked for, so a missing SCENARIO is no error.</summary>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        var code = help.Invoke(parseResult);
        if (Of(parseResult.CommandResult.Command) is { } examples)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(examples);
            output.WriteLine();
        }
        return code;
    }
}
