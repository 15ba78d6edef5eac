using MarketSim.Grains.Demand;
using MarketSim.Grains.Scenario;

namespace MarketSim.Tests.Brokerage;

/// <summary>The market's waiting list keeps people in the order they joined and finds packages that fit as a walk along it would.</summary>
public class WaitingListTests
{
    /// <param name="zones">Zones of the people waiting.</param>
    /// <param name="rooms">Entries of the zones' rooms: as many as zones, or padded to eight, which searches with one register of rooms where the processor has AVX-512.</param>
    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, WaitingList.ZonesInOneRegister)]
    [InlineData(8, WaitingList.ZonesInOneRegister)]
    [InlineData(9, 9)]
    public void Packages_that_fit_their_zones_room_or_the_room_every_zone_shares_are_found_in_the_order_people_joined(int zones, int rooms)
    {
        var random = new Random(11);
        var users = new ServiceUserTable(8);
        var list = new WaitingList(users);
        var joined = new List<int>();

        for (var step = 0; step < 4000; step++)
        {
            if (joined.Count == 0 || random.Next(5) < 3)
            {
                // Whole and fractional quarter hours, so that some packages equal the room exactly.
                var slot = users.Add(random.Next(zones), 0.25 * (1 + random.Next(40)), FundingStream.Council);
                list.Enqueue(slot);
                joined.Add(slot);
            }
            else
            {
                var leaving = joined[random.Next(joined.Count)];
                list.Remove(leaving);
                joined.Remove(leaving);
                users.Remove(leaving);
            }
            Assert.Equal(joined.Count, list.Count);
            if (step % 7 != 0)
            {
                continue;
            }
            // Each zone's own room, and a room every zone shares (the larger of the two counts).
            var room = Enumerable.Range(0, rooms).Select(_ => random.Next(5) == 0 ? -1 : 0.25 * random.Next(42)).ToArray();
            var everyZone = random.Next(3) == 0 ? -1 : 0.25 * random.Next(20);
            var expected = joined.Where(s => users[s].WeeklyHours <= Math.Max(everyZone, room[users[s].ZoneIndex])).ToList();
            var found = new List<int>();
            for (var position = list.FirstThatFits(list.First, everyZone, room); position >= 0; position = list.FirstThatFits(position + 1, everyZone, room))
            {
                found.Add(list.SlotAt(position));
            }
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void Emptying_the_list_for_a_new_run_leaves_no_package_to_find()
    {
        var users = new ServiceUserTable(8);
        var list = new WaitingList(users);
        for (var i = 0; i < 100; i++)
        {
            list.Enqueue(users.Add(0, 1, FundingStream.Council));
        }

        list.Clear();

        Assert.Equal(0, list.Count);
        Assert.Equal(-1, list.FirstThatFits(list.First, 100, [100.0]));
    }
}
