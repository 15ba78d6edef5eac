using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace MarketSim.Grains.Runs;

/// <summary>
/// Places a grain on the silo whose address is its key, so that the experiment grain can give each
/// silo its own run worker and spread batches over every silo (a stateless worker called from a grain
/// never leaves the caller's silo, and the default placement prefers it too).
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class OnSilo : PlacementStrategy
{
}

/// <summary>Marks a grain class as placed by <see cref="OnSilo"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class OnSiloPlacementAttribute() : PlacementAttribute(new OnSilo());

/// <summary>
/// Chooses the silo named by the grain's key; if that silo is not (or no longer) in the cluster, a
/// compatible silo chosen by hash, which is still correct, only less evenly spread.
/// </summary>
public sealed class OnSiloPlacementDirector : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        var key = target.GrainIdentity.Key.ToString();
        foreach (var silo in silos)
        {
            if (silo.ToParsableString() == key)
            {
                return Task.FromResult(silo);
            }
        }
        var ordered = silos.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        var hash = 0u;
        foreach (var c in key)
        {
            hash = (hash * 31) + c;
        }
        return Task.FromResult(ordered[(int)(hash % (uint)ordered.Length)]);
    }
}
