using MarketSim.Grains.Commissioners;
using MarketSim.Grains.Demand;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Zones;

namespace MarketSim.Grains.Market;

/// <summary>What a run records of each entity: the blocks after the series (see <see cref="OutcomeSchema.Entities"/>).</summary>
public sealed partial class Market
{
    private readonly ProviderRecord[] _providerRecords;
    private readonly int[] _providerBlocks;
    private readonly int[] _zoneBlocks;
    private readonly (int Zone, FundingStream Stream, int Offset)[] _serviceUserBlocks;
    private readonly (int Offset, CommissionerMetrics.Liability[] Liabilities)[] _commissionerBlocks;
    private readonly int[] _poolBlocks;

    /// <summary>Each entity's block offset, by the market's index of the entity.</summary>
    private (int[] Providers, int[] Zones, (int, FundingStream, int)[] ServiceUsers, (int, CommissionerMetrics.Liability[])[] Commissioners, int[] Pools) EntityOffsets()
    {
        int Offset(EntityKind kind, string id) =>
            Schema.Entities.Single(b => b.Kind == kind && b.Id == id).Offset;

        var serviceUsers = Schema.EntitiesOf(EntityKind.ServiceUsers).Select(b =>
        {
            var (zoneId, stream) = ServiceUserMetrics.Parse(b.Id);
            return (Array.FindIndex(_scenario.Zones, z => z.Id == zoneId), stream, b.Offset);
        });
        return (
            [.. _providers.Select(p => Offset(EntityKind.Provider, p.Spec.Id))],
            [.. _zones.Select(z => Offset(EntityKind.Zone, z.Spec.Id))],
            [.. serviceUsers],
            [.. _commissioners.Select(c => (Offset(EntityKind.Commissioner, c.Spec.Id), CommissionerMetrics.Liabilities(c.Spec.Id, _scenario).ToArray()))],
            [.. _pools.Select(p => Offset(EntityKind.PooledBudget, p.Spec.Id))]);
    }

    /// <summary>The end of model year <paramref name="year"/> (or of the horizon): providers note their reserves.</summary>
    private void CloseProviderYear(int year)
    {
        foreach (var p in _providers)
        {
            _providerRecords[p.Index].CloseYear(year, p);
        }
    }

    /// <summary>Writes every entity's block; the scalar columns are written already, and the blocks repeat some of them exactly.</summary>
    private void WriteEntities(double[] o)
    {
        var row = o.AsSpan();
        foreach (var p in _providers)
        {
            var offset = _providerBlocks[p.Index];
            _providerRecords[p.Index].Write(p, _totals.DeliveredHours, row.Slice(offset, ProviderMetrics.Width(_scenario.HorizonYears)));
        }
        foreach (var z in _zones)
        {
            var block = row.Slice(_zoneBlocks[z.Index], ZoneMetrics.All.Count);
            block[ZoneMetrics.UnmetHours] = z.UnmetHours;
            block[ZoneMetrics.PeakWaiting] = z.PeakWaiting;
            block[ZoneMetrics.ProviderExits] = z.ProviderExits;
            block[ZoneMetrics.WeeksWithoutLead] = z.WeeksWithoutLead;
            block[ZoneMetrics.MeanWaiting] = z.WaitingPeopleWeeks / _scenario.HorizonWeeks;
            block[ZoneMetrics.DeliveredHours] = z.DeliveredHours;
        }
        foreach (var (zone, stream, offset) in _serviceUserBlocks)
        {
            _zones[zone].ServiceUsers.Write(stream, row.Slice(offset, ServiceUserMetrics.All.Count));
        }
        for (var c = 0; c < _commissioners.Length; c++)
        {
            var (offset, liabilities) = _commissionerBlocks[c];
            var column = _commissionerColumns[c];
            o[offset + CommissionerMetrics.Spend] = o[column];
            o[offset + CommissionerMetrics.Overspend] = o[column + 1];
            o[offset + CommissionerMetrics.UnmetNeedCost] = o[column + 2];
            o[offset + CommissionerMetrics.WholeSystemCost] = o[column + 3];
            for (var l = 0; l < liabilities.Length; l++)
            {
                var (pool, model, party) = (liabilities[l].PoolIndex, liabilities[l].ModelIndex, liabilities[l].PartyIndex);
                o[offset + CommissionerMetrics.LiabilityStart + l] = _pools[pool].LiabilityGbp[model][party];
            }
        }
        for (var p = 0; p < _pools.Length; p++)
        {
            _pools[p].WriteOutcomes(o, _poolBlocks[p]);
        }
    }
}
