using System.Runtime.InteropServices;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Experiments;
using MarketSim.Tests.Support;
using Parquet;

namespace MarketSim.Tests.Safety;

/// <summary>results.xlsx and runs.parquet go with the results folder: complete, of exactly the runs kept, or not there at all.</summary>
public class ExportSafetyTests
{
    private static readonly string Dorset = Repo.Scenario("dorset-pool-2017.yaml");

    [Fact]
    public async Task An_interrupted_run_keeps_a_workbook_and_parquet_file_of_exactly_the_runs_it_kept()
    {
        var parent = Repo.TempDir();
        using var interruption = new Interruption();
        var options = new ExperimentOptions(Dorset, 100_000, 3, Path.Combine(parent, "out"), Threads: 2);

        using var result = Experiment.Run(options, (done, _) =>
        {
            if (done >= 64 && interruption.Signal is null)
            {
                interruption.Request(PosixSignal.SIGTERM);
            }
        }, interruption.Stop, interruption.Abort);

        Assert.True(result.Interrupted);
        var runs = result.Summary.Runs;
        Assert.InRange(runs, 64, 99_999);
        Assert.Equal(["out"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
        var folder = Path.Combine(parent, "out");
        await using (var parquet = await ParquetReader.CreateAsync(Path.Combine(folder, "runs.parquet")))
        {
            Assert.Equal(runs, Enumerable.Range(0, parquet.RowGroupCount).Sum(g => parquet.RowGroups[g].RowCount));
            Assert.Equal(runs.ToString(System.Globalization.CultureInfo.InvariantCulture), parquet.CustomMetadata["marketsim.runs"]);
        }
        var book = XlsxBook.Read(Path.Combine(folder, "results.xlsx"));
        Assert.Equal(runs + 1, book["Runs"].Rows.Count);
        Assert.Equal(runs, book["Summary"].Rows.First(r => r[0]?.Text == "Runs")[1]!.Number);
    }

    [Fact]
    public void A_run_aborted_after_its_runs_leaves_no_workbook_no_parquet_file_and_no_staging_folder()
    {
        var parent = Repo.TempDir();
        using var abort = new CancellationTokenSource();
        var options = new ExperimentOptions(Dorset, 128, 3, Path.Combine(parent, "out"), Threads: 2);
        var stagedParquet = false;

        Assert.ThrowsAny<OperationCanceledException>(() => Experiment.Run(options, (done, _) =>
        {
            if (done >= 128 && !abort.IsCancellationRequested)
            {
                stagedParquet = Directory.GetDirectories(parent, ".out.partial-*").Any(d => File.Exists(Path.Combine(d, "runs.parquet")));
                abort.Cancel();
            }
        }, abort: abort.Token));

        Assert.True(stagedParquet, "runs.parquet was not being written in the staging folder");
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
    }
}
