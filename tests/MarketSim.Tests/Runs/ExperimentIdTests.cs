using System.Text.RegularExpressions;
using MarketSim.Simulator.Experiments;

namespace MarketSim.Tests.Runs;

/// <summary>An experiment's id, which names its grain and, in the workbench, its results folder.</summary>
public sealed class ExperimentIdTests
{
    [Theory]
    [InlineData("Doncaster CCASH", "doncaster-ccash")]
    [InlineData("Doncaster CCASH, lead provider exit in zones 4 and 5", "doncaster-ccash-lead-pro")]
    [InlineData("BaNES your care, your way", "banes-your-care-your-way")]
    [InlineData("Northumberland Somerset Plus", "northumberland-somerset")]
    [InlineData("  ", "experiment")]
    public void A_scenario_name_becomes_its_words_joined_by_one_hyphen_in_at_most_24_characters(string name, string slug) =>
        Assert.Equal(slug, RunEngine.Slug(name));

    [Fact]
    public void An_experiment_id_is_the_time_the_scenario_and_six_random_hex_digits() =>
        Assert.Matches(new Regex("^[0-9]{8}-[0-9]{6}-doncaster-ccash-[0-9a-f]{6}$"), RunEngine.NewExperimentId("Doncaster CCASH"));
}
