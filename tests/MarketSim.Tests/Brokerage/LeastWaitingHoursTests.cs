using MarketSim.Grains.Zones;

namespace MarketSim.Tests.Brokerage;

/// <summary>The least waiting hours never exceed the smallest package waiting, and equal it for quarter-hour packages.</summary>
public class LeastWaitingHoursTests
{
    [Fact]
    public void Least_is_the_smallest_quarter_hour_package_on_the_list_as_people_join_and_leave()
    {
        var random = new Random(3);
        var least = new LeastWaitingHours();
        var waiting = new List<double>();
        for (var step = 0; step < 5000; step++)
        {
            if (waiting.Count > 0 && random.NextDouble() < 0.5)
            {
                var i = random.Next(waiting.Count);
                least.Remove(waiting[i]);
                waiting.RemoveAt(i);
            }
            else
            {
                var hours = Math.Max(0.25, Math.Round(random.NextDouble() * 40 * 4) / 4);
                least.Add(hours);
                waiting.Add(hours);
            }

            Assert.Equal(waiting.Count == 0 ? double.PositiveInfinity : waiting.Min(), least.WeeklyHours);
        }
    }

    [Theory]
    [InlineData(0.3, 0.25)]
    [InlineData(70, 63.75)]
    public void Least_is_a_lower_bound_for_a_package_off_the_quarter_hours_or_past_64_hours(double hours, double bound)
    {
        var least = new LeastWaitingHours();
        least.Add(hours);

        Assert.Equal(bound, least.WeeklyHours);
        Assert.True(least.WeeklyHours <= hours);
    }
}
