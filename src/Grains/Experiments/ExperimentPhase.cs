namespace MarketSim.Grains.Experiments;

/// <summary>
/// The phases an experiment goes through, as <see cref="ExperimentState.Phase"/> stores them (strings, so that
/// Redis and `cluster status` show them as they are), and the groups of them the grain and the forget command ask about.
/// </summary>
public static class ExperimentPhase
{
    /// <summary>No plan yet.</summary>
    public const string Starting = "starting";

    /// <summary>Batches are being computed and delivered.</summary>
    public const string Running = "running";

    /// <summary>The client has said how many runs it keeps; the entity grains are being brought up to date.</summary>
    public const string Finishing = "finishing";

    /// <summary>Every run kept was delivered.</summary>
    public const string Finished = "finished";

    /// <summary>Its client was stopped by a signal and kept the runs delivered.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>Cancelled by its client or by `cluster forget --force`.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A batch failed; shown in progress only, never stored.</summary>
    public const string Failed = "failed";

    /// <summary>Whether batches may still be computed or delivered.</summary>
    public static bool IsUnderWay(string phase) => phase is Running or Finishing;

    /// <summary>Whether a client may still be taking its runs (it may not have sent its plan yet).</summary>
    public static bool MayHaveAClient(string phase) => phase is Starting or Running or Finishing;

    /// <summary>Whether it has ended, one way or another, and keeps what it delivered.</summary>
    public static bool IsOver(string phase) => phase is Finished or Interrupted or Cancelled;
}
