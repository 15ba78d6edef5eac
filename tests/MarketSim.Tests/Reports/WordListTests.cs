using MarketSim.Simulator.Reports;

namespace MarketSim.Tests.Reports;

/// <summary>Lists in the report's sentences.</summary>
public sealed class WordListTests
{
    [Theory]
    [InlineData(new[] { "a" }, "a")]
    [InlineData(new[] { "a", "b" }, "a and b")]
    [InlineData(new[] { "a", "b", "c" }, "a, b and c")]
    public void Items_are_joined_by_commas_and_the_last_by_and(string[] items, string expected) =>
        Assert.Equal(expected, WordList.And(items));
}
