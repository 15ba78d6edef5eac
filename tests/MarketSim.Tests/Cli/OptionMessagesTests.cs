using System.CommandLine;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cli;

/// <summary>Options the parser refuses (not a number, empty, a file in the way) get one message naming the option and what is allowed, and --help states the ranges.</summary>
public class OptionMessagesTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");

    public static TheoryData<string[], string> EmptyFolders => new()
    {
        { ["run", Doncaster, "--runs", "2", "--out", ""], "--out: empty; allowed: a folder path" },
        { ["run", Doncaster, "--runs", "2", "--out", "   "], "--out: '   ' is only spaces; allowed: a folder path" },
        { ["compare", Doncaster, Doncaster, "--runs", "2", "--out", ""], "--out: empty; allowed: a folder path" },
        { ["sensitivity", Doncaster, "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500", "--runs", "2", "--out", " "], "--out: ' ' is only spaces; allowed: a folder path" },
        { ["sensitivity", Doncaster, "--method", "sobol", "--out", ""], "--out: empty; allowed: a folder path" },
        { ["serve", "--experiments", ""], "--experiments: empty; allowed: a folder path" },
        { ["serve", "--scenarios", "  "], "--scenarios: '  ' is only spaces; allowed: a folder path" },
    };

    [Theory]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    public void An_option_a_command_does_not_have_is_named_as_unrecognised_not_taken_for_a_scenario_file(string command)
    {
        string[] scenarios = command == "compare" ? [Doncaster, Doncaster] : [Doncaster];

        var run = CliRun.Of([command, .. scenarios, "--cluster-address", "redis://127.0.0.1:6379", "--runs", "2"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"error: marketsim {command}: unknown option '--cluster-address'; ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("file not found", run.Error, StringComparison.Ordinal);
        Assert.Contains($"Try 'marketsim {command} --help'.", run.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> WrongCommandLines => new()
    {
        { [], "marketsim: no command given; allowed: marketsim COMMAND, with COMMAND one of run, sensitivity, compare, validate, silo, cluster, serve" },
        { ["runn", "x.yaml"], "marketsim: 'runn' is not a command; did you mean 'run'? allowed: marketsim COMMAND, with COMMAND one of run, sensitivity, compare, validate, silo, cluster, serve" },
        { ["cluster", "stats"], "marketsim cluster: 'stats' is not a command; did you mean 'status'? allowed: marketsim cluster COMMAND, with COMMAND one of status, forget" },
        { ["run"], "marketsim run: no SCENARIO given; allowed: marketsim run SCENARIO [options], with SCENARIO the scenario file (YAML); see docs/scenario-format.md" },
        { ["validate"], "marketsim validate: no SCENARIO given; allowed: marketsim validate SCENARIO... [options], with SCENARIO one or more scenario files (YAML) to check" },
        { ["run", Doncaster, "--rns", "50"], "marketsim run: unknown option '--rns'; did you mean '--runs'? allowed: --runs, --seed, --out, --threads, --batch-size, --overwrite, --quiet, --target-precision, --max-runs, --min-runs, --cluster, --chart-scale, --timings" },
        { ["run", Doncaster, Doncaster], $"marketsim run: '{Doncaster}' is one word too many; allowed: marketsim run SCENARIO [options]" },
        { ["run", Doncaster, "--runs"], "--runs: no value given; allowed: a whole number from 2 to 9,223,372,036,854,775,807 (a standard error needs two runs)" },
        { ["run", Doncaster, "--runs", "--seed", "3"], "--runs: no value given; allowed: a whole number from 2 to 9,223,372,036,854,775,807 (a standard error needs two runs)" },
        { ["run", Doncaster, "--runs", "5", "--runs", "6"], "--runs: given 2 times (5, 6); allowed: once, a whole number from 2 to 9,223,372,036,854,775,807 (a standard error needs two runs)" },
        { ["compare", Doncaster, Doncaster, "--out", "a", "--out", "b"], "--out: given 2 times (a, b); allowed: once, with one value (see 'marketsim compare --help')" },
        { ["compare", Doncaster, Doncaster, "--metric"], "--metric: no value given; allowed: a value after --metric (see 'marketsim compare --help')" },
        { ["silo"], "marketsim silo: no --cluster given, and it is required; allowed: --cluster redis://HOST:PORT (for example redis://127.0.0.1:6379)" },
        { ["cluster", "status"], "marketsim cluster status: no --cluster given, and it is required; allowed: --cluster redis://HOST:PORT (for example redis://127.0.0.1:6379)" },
        { ["cluster", "forget", "--ended"], "marketsim cluster forget: no --cluster given, and it is required; allowed: --cluster redis://HOST:PORT (for example redis://127.0.0.1:6379)" },
    };

    [Theory]
    [MemberData(nameof(WrongCommandLines))]
    public void A_command_line_wrong_as_a_whole_gets_one_message_saying_what_is_allowed(string[] args, string message)
    {
        // Before 2026-12-03 the parser's own messages came several for one mistake ("Required command was not provided." and
        // "Unrecognized command or argument 'runn'." and again for 'x.yaml'), none saying what would do.
        var cwd = Environment.CurrentDirectory;
        var before = Directory.GetFileSystemEntries(cwd).Length;

        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: {message}", Assert.Single(run.ErrorLines));
        Assert.Empty(run.Output);
        Assert.Equal(before, Directory.GetFileSystemEntries(cwd).Length);
    }

    [Theory]
    [MemberData(nameof(EmptyFolders))]
    public void An_empty_or_blank_folder_option_is_refused_with_exit_code_2(string[] args, string message)
    {
        var cwd = Environment.CurrentDirectory;
        var before = Directory.GetFileSystemEntries(cwd).Length;

        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: {message}", Assert.Single(run.ErrorLines));
        Assert.DoesNotContain(" at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(cwd).Length);
    }

    [Theory]
    [InlineData("--runs", "abc", "--runs: 'abc' is not a whole number; allowed: a whole number from 2 to 9,223,372,036,854,775,807 (a standard error needs two runs)")]
    [InlineData("--runs", "1.5", "--runs: '1.5' is not a whole number; allowed: a whole number from 2 to 9,223,372,036,854,775,807 (a standard error needs two runs)")]
    [InlineData("--seed", "-1", "--seed: '-1' is not allowed; allowed: a whole number from 0 to 18,446,744,073,709,551,615 (2^64 − 1)")]
    [InlineData("--seed", "abc", "--seed: 'abc' is not a whole number; allowed: a whole number from 0 to 18,446,744,073,709,551,615 (2^64 − 1)")]
    [InlineData("--seed", "99999999999999999999", "--seed: '99999999999999999999' is not allowed; allowed: a whole number from 0 to 18,446,744,073,709,551,615 (2^64 − 1)")]
    [InlineData("--threads", "all", "--threads: 'all' is not a whole number; allowed: 0 (every core) or a whole number from 1 to 1,024")]
    [InlineData("--chart-scale", "big", "--chart-scale: 'big' is not a number; allowed: a number from 0.5 to 4 (1 = 1,000 × 600 pixels, 2 for print)")]
    public void A_number_option_that_does_not_parse_names_the_option_the_value_and_what_is_allowed(string option, string value, string message)
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.Of("run", Doncaster, option, value, "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: {message}", Assert.Single(run.ErrorLines));
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Every_number_option_of_every_command_refuses_a_non_number_in_its_own_words()
    {
        var root = new MarketSimCli(TextWriter.Null, TextWriter.Null).Commands();
        var numeric = Commands(root)
            .SelectMany(c => c.Options.Select(o => (Command: c, Option: o)))
            .Where(p => IsNumber(Nullable.GetUnderlyingType(p.Option.ValueType) ?? p.Option.ValueType))
            .ToList();
        Assert.True(numeric.Count >= 15, $"only {numeric.Count} number options found");

        foreach (var (command, option) in numeric)
        {
            var errors = command.Parse([option.Name, "abc"]).Errors.Select(e => e.Message).ToList();

            Assert.Contains(errors, e => e.StartsWith($"{option.Name}: 'abc' is not a", StringComparison.Ordinal) && e.Contains("; allowed: ", StringComparison.Ordinal));
            Assert.Contains("Allowed: ", option.Description, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("cluster", "status")]
    [InlineData("run", Doncaster0, "--runs", "x")]
    public void A_parse_error_points_to_the_help_of_the_command_that_was_given(params string[] args)
    {
        args = [.. args.Select(a => a == Doncaster0 ? Doncaster : a)];
        var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-') && a != Doncaster));

        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.EndsWith($"Try 'marketsim {command} --help'.", run.Error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_folder_below_a_file_says_that_part_of_the_path_is_a_file()
    {
        var parent = Repo.TempDir();
        File.WriteAllText(Path.Combine(parent, "afile.txt"), "mine");

        var run = CliRun.Of("run", Doncaster, "--runs", "2", "--out", Path.Combine(parent, "afile.txt", "sub"), "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains($"{Path.Combine(parent, "afile.txt")} is a file, not a folder", line, StringComparison.Ordinal);
        Assert.DoesNotContain("already exists", line, StringComparison.Ordinal);
        Assert.Equal(["afile.txt"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(parent, "afile.txt")));
    }

    [Fact]
    public void Every_overwrite_option_promises_to_replace_only_a_folder_MarketSim_wrote()
    {
        var overwrites = Commands(new MarketSimCli(TextWriter.Null, TextWriter.Null).Commands())
            .SelectMany(c => c.Options).Where(o => o.Name == "--overwrite").ToList();

        Assert.Equal(3, overwrites.Count);
        Assert.All(overwrites, o => Assert.Contains("if MarketSim wrote it", o.Description, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("run", "--runs", "a whole number from 2 to")]
    [InlineData("compare", "--runs", "a whole number from 2 to")]
    [InlineData("sensitivity", "--runs", "a whole number from 2 to")]
    [InlineData("sensitivity", "--points", "a whole number from 2 to")]
    [InlineData("sensitivity", "--base-runs", "a whole number from 2 to 1,000,000")]
    [InlineData("run", "--chart-scale", "a number from 0.5 to 4")]
    [InlineData("serve", "--port", "0 for a free one")]
    [InlineData("run", "--target-precision", "in METRIC's own unit")]
    [InlineData("run", "--seed", "18,446,744,073,709,551,615")]
    public void Help_states_what_each_option_allows(string command, string option, string text)
    {
        var help = CliRun.Of(command, "--help");
        var described = Commands(new MarketSimCli(TextWriter.Null, TextWriter.Null).Commands()).Single(c => c.Name == command).Options.Single(o => o.Name == option).Description!;

        Assert.Equal(ExitCodes.Ok, help.ExitCode);
        Assert.Contains(text, described, StringComparison.Ordinal);
        Assert.Contains(described.Split(' ')[^1], help.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run <doncaster> --threads 2147483647 --out <out> --quiet")]
    [InlineData("run <doncaster> --threads 1025 --out <out> --quiet")]
    [InlineData("compare <doncaster> <doncaster> --threads 100000 --out <out> --quiet")]
    [InlineData("serve --threads 2147483647")]
    [InlineData("silo --cluster redis://127.0.0.1:1 --threads 2147483647")]
    public void A_thread_count_beyond_what_a_machine_can_start_is_refused_naming_the_most_allowed(string command)
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        string[] args = [.. command.Split(' ').Select(a => a switch { Doncaster0 => Doncaster, "<out>" => dir, _ => a })];
        var given = args[Array.IndexOf(args, "--threads") + 1];

        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"error: --threads: '{given}' is not allowed; allowed: 0 (every core) or a whole number from 1 to 1,024", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("run <doncaster> --runs 1 --out <out> --quiet", "--runs: '1' is not allowed; allowed: a whole number from 2 to 9,223,372,036,854,775,807 (a standard error needs two runs)")]
    [InlineData("run <doncaster> --threads -1 --out <out> --quiet", "--threads: '-1' is not allowed; allowed: 0 (every core) or a whole number from 1 to 1,024")]
    [InlineData("run <doncaster> --batch-size 0 --out <out> --quiet", "--batch-size: '0' is not allowed; allowed: a whole number from 1 to 2,147,483,647")]
    [InlineData("run <doncaster> --target-precision unmet_hours_total=100 --min-runs 1 --out <out> --quiet", "--min-runs: '1' is not allowed; allowed: a whole number from 2 to 9,223,372,036,854,775,807 (a half-width needs two runs)")]
    [InlineData("run <doncaster> --chart-scale 5 --out <out> --quiet", "--chart-scale: '5' is not allowed; allowed: a number from 0.5 to 4 (1 = 1,000 × 600 pixels, 2 for print)")]
    [InlineData("run <doncaster> --chart-scale NaN --out <out> --quiet", "--chart-scale: 'NaN' is not allowed; allowed: a number from 0.5 to 4 (1 = 1,000 × 600 pixels, 2 for print)")]
    [InlineData("compare <doncaster> <doncaster> --runs 0 --out <out> --quiet", "--runs: '0' is not allowed; allowed: a whole number from 2 to 9,223,372,036,854,775,807")]
    [InlineData("compare <doncaster> <doncaster> --threads -2 --out <out> --quiet", "--threads: '-2' is not allowed; allowed: 0 (every core) or a whole number from 1 to 1,024")]
    [InlineData("sensitivity <doncaster> --vary providers.slp_a.capacity_weekly_hours=2000..3500 --runs 1 --out <out> --quiet", "--runs: '1' is not allowed; allowed: a whole number from 2 to 9,223,372,036,854,775,807")]
    [InlineData("sensitivity <doncaster> --method sobol --base-runs 1 --out <out> --quiet", "--base-runs: '1' is not allowed; allowed: a whole number from 2 to")]
    [InlineData("serve --threads -1", "--threads: '-1' is not allowed; allowed: 0 (every core) or a whole number from 1 to 1,024")]
    [InlineData("silo --cluster redis://127.0.0.1:1 --threads -1", "--threads: '-1' is not allowed; allowed: 0 (every core) or a whole number from 1 to 1,024")]
    public void A_number_outside_its_range_is_refused_while_parsing_in_the_same_words_as_its_help(string command, string message)
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        string[] args = [.. command.Split(' ').Select(a => a switch { Doncaster0 => Doncaster, "<out>" => dir, _ => a })];

        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"error: {message}", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Contains($"Try 'marketsim {command.Split(' ')[0]} --help'.", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("--silo-port", "70000", "--silo-port: '70000' is not allowed; allowed: a TCP port from 1 to 65,535, or 0 for a free one")]
    [InlineData("--dashboard", "-1", "--dashboard: '-1' is not allowed; allowed: a TCP port from 1 to 65,535")]
    [InlineData("--dashboard", "0", "--dashboard: '0' is not allowed; allowed: a TCP port from 1 to 65,535")]
    public void A_silo_port_out_of_range_is_refused_with_the_range_written_as_every_range_is(string option, string value, string message)
    {
        var run = CliRun.Of("silo", "--cluster", "redis://127.0.0.1:1", option, value);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: {message}", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Run_help_names_the_whole_results_folder()
    {
        var help = CliRun.Of("run", "--help").Output;

        Assert.All(["report.html", "charts/", "results.xlsx", "runs.parquet", "runs.csv", "summary.json", "manifest.json"], file => Assert.Contains(file, help, StringComparison.Ordinal));
    }

    private const string Doncaster0 = "<doncaster>";

    private static bool IsNumber(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(ulong) || type == typeof(double);

    private static IEnumerable<Command> Commands(Command root) => root.Subcommands.SelectMany(c => Commands(c).Prepend(c));
}
