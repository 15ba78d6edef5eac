namespace MarketSim.Grains.Experiments;

/// <summary>
/// What an experiment grain persists, so that a new activation on another silo carries on where the
/// lost one stopped: the plan, and how far delivery to the client and to the entity grains has gone.
/// </summary>
[GenerateSerializer]
public sealed class ExperimentState
{
    /// <summary>The plan; null until started.</summary>
    [Id(0)]
    public ExperimentSpec? Spec { get; set; }

    /// <summary>The scenario's name, for status listings.</summary>
    [Id(1)]
    public string Scenario { get; set; } = "";

    /// <summary>Runs the client has confirmed it holds (every run before this index).</summary>
    [Id(2)]
    public long RunsAcknowledged { get; set; }

    /// <summary>Runs already sent to the entity grains, in run order.</summary>
    [Id(3)]
    public long RunsForwarded { get; set; }

    /// <summary>The runs the experiment keeps, once the client has said (a stop rule may keep fewer than planned); −1 before.</summary>
    [Id(4)]
    public long RunsKept { get; set; } = -1;

    /// <summary>One of <see cref="ExperimentPhase"/>'s phases.</summary>
    [Id(5)]
    public string Phase { get; set; } = ExperimentPhase.Starting;

    /// <summary>When the experiment was first started.</summary>
    [Id(6)]
    public DateTime StartedUtc { get; set; }

    /// <summary>
    /// Batches sent again after their silo died, over all activations, as far as they were saved: the silo's
    /// death can also move the experiment grain before it saves the count, which then misses that retry.
    /// </summary>
    [Id(7)]
    public int BatchesRetried { get; set; }

    /// <summary>Batches computed by each silo (by its address), over all activations.</summary>
    [Id(8)]
    public Dictionary<string, int> BatchesBySilo { get; set; } = new(StringComparer.Ordinal);
}
