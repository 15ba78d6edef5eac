using System.CommandLine;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The options that name a folder (--out, --experiments, --scenarios) and --overwrite, alike in every command:
/// an empty or blank folder is refused with one message before anything is read or written.
/// </summary>
internal static class FolderOption
{
    /// <summary>What a folder option allows.</summary>
    public const string Allowed = "a folder path";

    /// <summary>A folder option, null when not given; an empty or blank value is a parse error naming the option.</summary>
    public static Option<string?> Create(string name, string description, params string[] aliases)
    {
        var option = new Option<string?>(name, aliases) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[^1].Value is var text && string.IsNullOrWhiteSpace(text))
            {
                result.AddError(text.Length == 0 ? $"{name}: empty; allowed: {Allowed}" : $"{name}: '{text}' is only spaces; allowed: {Allowed}");
            }
        });
        return option;
    }

    /// <summary>--overwrite, with the same promise in every command's help.</summary>
    public static Option<bool> Overwrite() => new("--overwrite")
    {
        Description = "Replace the results folder if MarketSim wrote it (its manifest.json lists its files) and it holds nothing else; a folder holding anything MarketSim did not write is refused and left as it is.",
    };
}
