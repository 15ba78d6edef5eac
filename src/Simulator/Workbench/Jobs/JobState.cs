namespace MarketSim.Simulator.Workbench.Jobs;

/// <summary>Where a workbench experiment is.</summary>
public enum JobState
{
    /// <summary>Its runs are being computed or its files written.</summary>
    Running,

    /// <summary>Its results folder is complete.</summary>
    Done,

    /// <summary>It stopped with an error; nothing was written.</summary>
    Failed,

    /// <summary>The user cancelled it; nothing was written.</summary>
    Cancelled,
}
