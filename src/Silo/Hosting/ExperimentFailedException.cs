namespace MarketSim.Silo.Hosting;

/// <summary>
/// An experiment ended without its runs: a run threw, or the cluster delivered nothing for too long. The
/// message is one line, <c>experiment ID failed: REASON</c>; the experiment was cancelled.
/// </summary>
public sealed class ExperimentFailedException(string message, Exception? inner = null) : Exception(message, inner);
