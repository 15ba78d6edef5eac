using Microsoft.Extensions.Logging;

namespace MarketSim.Grains.Experiments;

/// <summary>What the experiment grain tells a silo's log: resumptions, lost silos and batches, failures.</summary>
internal static partial class ExperimentLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment {Id} resumes at run {Run}")]
    public static partial void Resumes(ILogger logger, string id, long run);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {Id}: silo {Silo} left the cluster; its batches go to the others")]
    public static partial void SiloLeft(ILogger logger, string id, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {Id}: silo {Silo} did not answer ({Reason}); asking again later")]
    public static partial void SiloSilent(ILogger logger, string id, string silo, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {Id}: batch {Batch} on silo {Silo} was lost ({Reason}); sending it again")]
    public static partial void BatchLost(ILogger logger, string id, long batch, string silo, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment {Id} leaves this silo at run {Run} ({Reason}); the next call carries on from its saved state")]
    public static partial void Leaves(ILogger logger, string id, long run, DeactivationReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {Id}: another activation saved its state since this one read it ({Reason}); this one gives way")]
    public static partial void Superseded(ILogger logger, string id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {Id}: saving its state failed ({Reason}); trying again in a second")]
    public static partial void SaveFailed(ILogger logger, string id, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Experiment {Id} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string id);
}
