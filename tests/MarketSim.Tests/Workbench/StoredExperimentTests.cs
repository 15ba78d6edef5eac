using MarketSim.Simulator.Workbench.Library;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Workbench;

/// <summary>The workbench's reading of a results folder's manifest, including manifests edited by hand.</summary>
public sealed class StoredExperimentTests
{
    [Fact]
    public void An_experiment_finishes_at_its_start_plus_its_elapsed_seconds()
    {
        var read = Read("""{ "written_by": "marketsim", "files": ["manifest.json"], "seed": 3, "runs": 10, "started_utc": "2026-12-01T10:00:00Z", "elapsed_seconds": 90.5 }""");

        Assert.NotNull(read);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 1, 30, 500, TimeSpan.Zero), read.Finished);
        Assert.Equal(3UL, read.Seed);
        Assert.Equal(10, read.Runs);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("-5")]
    [InlineData("\"soon\"")]
    public void An_elapsed_time_past_the_calendar_or_not_a_time_is_listed_as_finishing_when_it_started(string elapsed)
    {
        var read = Read($$"""{ "written_by": "marketsim", "files": ["manifest.json"], "seed": 3, "runs": 10, "started_utc": "2026-12-01T10:00:00Z", "elapsed_seconds": {{elapsed}} }""");

        Assert.NotNull(read);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), read.Finished);
    }

    [Fact]
    public void A_listed_name_with_a_nul_character_is_not_served()
    {
        var read = Read("""{ "written_by": "marketsim", "files": ["manifest.json", "runs.csv\u0000.txt"], "seed": 3, "runs": 10 }""");

        Assert.NotNull(read);
        Assert.Equal(["manifest.json"], read.ServedFiles);
        Assert.Null(read.ListedFile("runs.csv\0.txt"));
    }

    private static StoredExperiment? Read(string manifest)
    {
        var folder = Path.Combine(Repo.TempDir(), "experiment");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest);
        return StoredExperiment.Read("experiment", folder);
    }
}
