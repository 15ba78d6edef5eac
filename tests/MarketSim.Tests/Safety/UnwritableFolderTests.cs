using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Reports;

namespace MarketSim.Tests.Safety;

/// <summary>
/// A results folder that cannot be written (a read-only file system, a full disk or quota, permission denied) gives
/// one line naming --out and exit 2, not .NET's message naming the hidden staging folder or a stack trace.
/// The IO errors are made as .NET makes them on Linux, with the errno as HResult.
/// </summary>
public class UnwritableFolderTests
{
    [Theory]
    [InlineData(30, "Read-only file system", "cannot write there (read-only file system); nothing was written; allowed: a folder on a file system that can be written")]
    [InlineData(28, "No space left on device", "cannot write there (the disk is full); nothing was written; allowed: a folder on a disk with room for the results")]
    [InlineData(122, "Disk quota exceeded", "cannot write there (the disk quota is used up); nothing was written; allowed: a folder within your disk quota")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_read_only_or_full_disk_while_the_folder_is_begun_or_committed_names_out(int errno, string system, string expected)
    {
        var error = Assert.Throws<IOException>(() =>
            Unwritable.Guard("res", () => throw new IOException($"{system} : '/data/.res.partial-31898'", errno)));

        Assert.Equal($"--out res: {expected}", error.Message);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_full_disk_while_a_file_is_written_gives_one_line_naming_out_and_exit_2()
    {
        var (code, error) = Handle(() => throw new IOException("No space left on device : '/data/.res.partial-32176/runs.parquet'", 28));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(["error: --out res: cannot write there (the disk is full); nothing was written; allowed: a folder on a disk with room for the results"], error);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_full_disk_while_the_charts_are_written_in_parallel_gives_one_line_naming_out_and_exit_2()
    {
        var (code, error) = Handle(() => throw new AggregateException(
            new IOException("No space left on device : '/data/.res.partial-31947/charts/fan_waiting_list_people.svg'", 28),
            new AggregateException(new IOException("No space left on device : '/data/.res.partial-31947/charts/histogram_peak_waiting_list_people.png'", 28))));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(["error: --out res: cannot write there (the disk is full); nothing was written; allowed: a folder on a disk with room for the results"], error);
    }

    [Fact]
    public void Other_file_errors_written_in_parallel_give_one_line_and_exit_2_not_a_stack_trace()
    {
        var (code, error) = Handle(() => throw new AggregateException(new FileNotFoundException("Could not find file '/data/x.svg'.")));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(["error: Could not find file '/data/x.svg'."], error);
    }

    private static (int Code, string[] Error) Handle(Func<int> body)
    {
        var error = new StringWriter();
        var code = CommandErrors.Handle(new MarketSimCli(new StringWriter(), error), body, "res");
        return (code, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
