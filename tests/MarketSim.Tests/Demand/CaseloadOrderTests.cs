using MarketSim.Grains.Demand;
using MarketSim.Grains.Scenario;

namespace MarketSim.Tests.Demand;

/// <summary>
/// A provider's caseload gives its people in the order they joined, oldest first, whether it is linked through
/// the service-user table or only stamps its people and finds them by a pass over the table.
/// </summary>
public class CaseloadOrderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_caseload_gives_its_people_in_the_order_they_joined_among_other_providers_people(bool linked)
    {
        const int owner = 2;
        var random = new Random(7);
        var users = new ServiceUserTable(8);
        var caseload = new ServiceUserList(users, owner, linked);
        var joined = new List<int>();
        var others = new List<int>();
        var hours = 0.0;

        for (var step = 0; step < 3000; step++)
        {
            var action = random.Next(10);
            if (action < 4 || joined.Count == 0)
            {
                var slot = users.Add(0, 0.25 * (1 + random.Next(60)), FundingStream.Council);
                caseload.Enqueue(slot);
                users[slot].ProviderIndex = owner;
                joined.Add(slot);
                hours += users[slot].WeeklyHours;
            }
            else if (action < 6)
            {
                var slot = users.Add(0, 1, FundingStream.Council);
                users[slot].ProviderIndex = random.Next(2) == 0 ? owner + 1 : ServiceUserTable.None;
                others.Add(slot);
            }
            else if (action < 9)
            {
                var leaving = joined[random.Next(joined.Count)];
                caseload.Remove(leaving);
                hours -= users[leaving].WeeklyHours;
                users[leaving].ProviderIndex = ServiceUserTable.None;
                users.Remove(leaving);
                joined.Remove(leaving);
            }
            else if (others.Count > 0)
            {
                var leaving = others[random.Next(others.Count)];
                users[leaving].ProviderIndex = ServiceUserTable.None;
                users.Remove(leaving);
                others.Remove(leaving);
            }

            Assert.Equal(joined.Count, caseload.Count);
            Assert.Equal(hours, caseload.WeeklyHours);
            if (step % 5 != 0)
            {
                continue;
            }
            Assert.Equal(joined, Walked(caseload));
            var newest = caseload.Newest();
            Assert.Equal(joined.Count == 0 ? ServiceUserTable.None : joined[^1], newest);
            var backwards = new List<int>();
            for (var slot = newest; slot != ServiceUserTable.None; slot = caseload.Before(slot))
            {
                backwards.Add(slot);
            }
            backwards.Reverse();
            Assert.Equal(joined, backwards);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_walk_that_takes_each_person_off_and_places_them_elsewhere_meets_everyone_once_oldest_first(bool linked)
    {
        var users = new ServiceUserTable(8);
        var leaving = new ServiceUserList(users, owner: 0, linked);
        var taking = new ServiceUserList(users, owner: 1, linked);
        var joined = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            var slot = users.Add(0, 0.25 * (1 + (i % 7)), FundingStream.Council);
            (i % 3 == 0 ? taking : leaving).Enqueue(slot);
            users[slot].ProviderIndex = i % 3 == 0 ? 1 : 0;
            if (i % 3 != 0)
            {
                joined.Add(slot);
            }
        }

        var met = new List<int>();
        foreach (var slot in leaving.OldestFirst())
        {
            met.Add(slot);
            leaving.Remove(slot);
            users[slot].ProviderIndex = ServiceUserTable.None;
            taking.Enqueue(slot);
            users[slot].ProviderIndex = 1;
        }

        Assert.Equal(joined, met);
        Assert.Equal(0, leaving.Count);
        Assert.Equal(50, taking.Count);
        Assert.Empty(Walked(leaving));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_cleared_caseload_is_empty_for_the_next_run(bool linked)
    {
        var users = new ServiceUserTable(8);
        var caseload = new ServiceUserList(users, owner: 0, linked);
        for (var i = 0; i < 20; i++)
        {
            var slot = users.Add(0, 2, FundingStream.Council);
            caseload.Enqueue(slot);
            users[slot].ProviderIndex = 0;
        }

        users.Clear();
        caseload.Clear();

        Assert.Equal(0, caseload.Count);
        Assert.Equal(0, caseload.WeeklyHours);
        Assert.Equal(ServiceUserTable.None, caseload.Newest());
        Assert.Empty(Walked(caseload));
    }

    private static List<int> Walked(ServiceUserList caseload)
    {
        var slots = new List<int>();
        foreach (var slot in caseload.OldestFirst())
        {
            slots.Add(slot);
        }
        return slots;
    }
}
