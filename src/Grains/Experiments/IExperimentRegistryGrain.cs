namespace MarketSim.Grains.Experiments;

/// <summary>The cluster's list of experiments (one grain, key <see cref="Key"/>), for `marketsim cluster status`.</summary>
public interface IExperimentRegistryGrain : IGrainWithStringKey
{
    /// <summary>The registry's grain key.</summary>
    public const string Key = "all";

    /// <summary>Records that experiment <paramref name="id"/> exists.</summary>
    Task Add(string id);

    /// <summary>Every experiment id recorded, oldest first.</summary>
    Task<IReadOnlyList<string>> List();

    /// <summary>Removes experiment <paramref name="id"/> from the list (it was forgotten); nothing when it is not there.</summary>
    Task Remove(string id);
}
