using System.Text;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Scenarios;

/// <summary>
/// A scenario file that exists but cannot be read, or is not UTF-8, is a problem with the scenario: one message naming the
/// file and what is allowed, exit 2 from every command, never a stack trace.
/// </summary>
public class ScenarioFileReadingTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");

    [Fact]
    public void A_scenario_file_without_read_permission_is_a_problem_naming_it_and_what_is_allowed()
    {
        // chmod 000 does not stop root, who may run the tests: the refused read is injected.
        var text = ScenarioFileText.Read(Doncaster, path => throw new UnauthorizedAccessException($"Access to the path '{path}' is denied."), out var problem);

        Assert.Null(text);
        Assert.Equal($"{Doncaster}: cannot be read (permission denied); allowed: a scenario file you can read", problem!.ToString());
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    public void A_scenario_file_that_fails_to_read_is_refused_with_one_line_and_exit_code_2(string command)
    {
        // /proc/self/mem exists and is a file, but reading it from its start fails (EIO), for root too.
        const string unreadable = "/proc/self/mem";
        var dir = Repo.TempDir();
        string[] args = command switch
        {
            "validate" => ["validate", unreadable],
            "run" => ["run", unreadable, "--runs", "3", "--quiet"],
            "compare" => ["compare", unreadable, Doncaster, "--runs", "3", "--quiet"],
            _ => ["sensitivity", unreadable, "--vary", "zones.*.demand.annual_growth=0..0.04", "--runs", "3", "--quiet"],
        };

        var run = CliRun.Of(command == "validate" ? args : [.. args, "--out", Path.Combine(dir, "out")]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: {unreadable}: cannot be read (Input/output error); allowed: a scenario file you can read", Assert.Single(run.ErrorLines));
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    [InlineData("compare")]
    public void An_endless_scenario_file_is_refused_as_too_large_with_one_line_rather_than_read_until_memory_runs_out(string command)
    {
        // Before 2026-12-03 /dev/zero (or /dev/urandom, or a disk image given by mistake) was read whole: an out-of-memory
        // stack trace and exit 1.
        const string endless = "/dev/zero";
        var dir = Repo.TempDir();
        string[] args = command switch
        {
            "validate" => ["validate", endless],
            "run" => ["run", endless, "--runs", "3", "--quiet", "--out", Path.Combine(dir, "out")],
            _ => ["compare", Doncaster, endless, "--runs", "3", "--quiet", "--out", Path.Combine(dir, "out")],
        };

        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            $"error: {endless}: larger than 100 MB, so it is not a scenario (one is a few kilobytes of text); allowed: a scenario YAML file of at most 100 MB",
            Assert.Single(run.ErrorLines));
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public async Task A_scenario_given_through_a_pipe_is_read_not_refused_as_a_broken_link()
    {
        // /dev/stdin and a shell's <(command) are the system's links to a pipe, "pipe:[123]", which names nothing on disk:
        // before 2026-12-03 they were refused as "a link to 'pipe:[123]', which does not exist".
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out, HandleInheritability.None);
        var path = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";
        Assert.StartsWith("pipe:[", new FileInfo(path).LinkTarget, StringComparison.Ordinal);
        var writing = Task.Run(() =>
        {
            pipe.Write(File.ReadAllBytes(Doncaster));
            pipe.Dispose();
        });

        var run = CliRun.Of("validate", path);

        await writing;
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal($"{path}: ok (Doncaster CCASH: 6 zones, 15 providers, 1 commissioner, 0 pooled budgets, 260 weeks)", run.Output.Trim());
    }

    [Fact]
    public void A_scenario_given_through_a_pipe_that_names_a_base_is_told_a_pipe_has_no_folder()
    {
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out, HandleInheritability.None);
        var path = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";
        pipe.Write("base: doncaster-ccash.yaml\nname: A variant\n"u8);
        pipe.Dispose();

        var (scenario, problems) = ScenarioLoader.TryLoad(path);

        Assert.Null(scenario);
        Assert.Equal($"{path}:1:7: base: 'doncaster-ccash.yaml' cannot be found: a scenario read from a pipe has no folder; allowed: a scenario file with its base in the same folder", Assert.Single(problems).ToString());
    }

    [Fact]
    public void A_scenario_file_is_read_whole_by_the_bounded_read()
    {
        // The read stops past 100 MB only: a scenario many times the read's buffer is read to its end.
        var text = ScenarioFileText.Read(Doncaster, out var problem);

        Assert.Null(problem);
        Assert.Equal(File.ReadAllText(Doncaster), text!.Text);
    }

    [Fact]
    public void A_latin1_scenario_file_is_refused_naming_the_line_of_its_first_byte_that_is_not_utf8()
    {
        var dir = Repo.TempDir();
        var file = Path.Combine(dir, "latin1.yaml");
        var yaml = File.ReadAllText(Doncaster).Replace("name: Doncaster CCASH", "name: Doncaster Café", StringComparison.Ordinal);
        File.WriteAllBytes(file, Encoding.Latin1.GetBytes(yaml));
        var line = yaml[..yaml.IndexOf('é', StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var run = CliRun.Of("validate", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: {file}: not UTF-8 text at line {line}; allowed: a UTF-8 file (save it as UTF-8 in your editor)", Assert.Single(run.ErrorLines));
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_scenario_file_with_a_nul_character_is_refused_naming_its_line_rather_than_read_up_to_it()
    {
        var dir = Repo.TempDir();
        var file = Path.Combine(dir, "nul.yaml");
        var yaml = File.ReadAllText(Doncaster);
        var at = yaml.IndexOf("horizon_years", StringComparison.Ordinal);
        File.WriteAllText(file, yaml[..at] + "\0" + yaml[at..]);

        var run = CliRun.Of("validate", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: {file}: a NUL character at line {yaml[..at].Count(c => c == '\n') + 1}, so it is not a text file; allowed: a YAML text file", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_utf8_scenario_file_with_a_byte_order_mark_is_read_as_without_one()
    {
        var dir = Repo.TempDir();
        var file = Path.Combine(dir, "bom.yaml");
        File.WriteAllBytes(file, [.. Encoding.UTF8.GetPreamble(), .. File.ReadAllBytes(Doncaster)]);

        var run = CliRun.Of("validate", file);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith($"{file}: ok (Doncaster CCASH:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_out_of_range_is_quoted_as_the_file_writes_it()
    {
        var dir = Repo.TempDir();
        var file = Path.Combine(dir, "huge.yaml");
        var yaml = File.ReadAllText(Doncaster);
        File.WriteAllText(file, System.Text.RegularExpressions.Regex.Replace(yaml, @"horizon_years: { value: [0-9.]+", "horizon_years: { value: 99999999999999999999999999"));

        var run = CliRun.Of("validate", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("horizon_years.value: 99999999999999999999999999 is out of range; allowed:", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
