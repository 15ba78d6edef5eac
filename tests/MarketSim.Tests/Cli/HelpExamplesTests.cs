using System.Text.RegularExpressions;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cli;

public class HelpExamplesTests
{
    [Theory]
    [InlineData("sensitivity", 2)]
    [InlineData("compare", 1)]
    public void Help_ends_with_example_commands_on_bundled_scenarios_that_parse_without_error(string command, int examples)
    {
        var help = CliRun.Of(command, "--help");

        Assert.Equal(ExitCodes.Ok, help.ExitCode);
        var lines = help.Output.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("  marketsim ", StringComparison.Ordinal)).ToList();
        Assert.Equal(examples, lines.Count);
        Assert.Contains("docs/outputs.md", help.Output[help.Output.LastIndexOf("  marketsim ", StringComparison.Ordinal)..], StringComparison.Ordinal);
        foreach (var line in lines)
        {
            // A shell's words: a quoted PATH=LOW..HIGH is one word without its quotes.
            var words = Regex.Matches(line.Trim(), "'[^']*'|\\S+").Select(m => m.Value.Trim('\'')).Skip(1)
                .Select(w => w.StartsWith("scenarios/", StringComparison.Ordinal) ? Path.Combine(Repo.Root, w) : w).ToArray();
            Assert.Equal(command, words[0]);
            Assert.All(words.Where(w => w.EndsWith(".yaml", StringComparison.Ordinal)), w => Assert.True(File.Exists(w), w));
            var parsed = new MarketSimCli(TextWriter.Null, TextWriter.Null).Commands().Parse(words);
            Assert.Empty(parsed.Errors);
        }
    }

    [Fact]
    public void The_list_of_commands_keeps_each_description_to_its_summary_without_the_examples()
    {
        var help = CliRun.Of("--help");

        Assert.Equal(ExitCodes.Ok, help.ExitCode);
        Assert.DoesNotContain("Example", help.Output, StringComparison.Ordinal);
        Assert.Contains("sensitivity <SCENARIO>", help.Output, StringComparison.Ordinal);
    }
}
