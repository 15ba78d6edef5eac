namespace MarketSim.Silo.Hosting;

/// <summary>
/// Redis answered, but no silo of the cluster did (none is recorded there, or only dead ones, or the live ones recorded do not
/// answer): `cluster status` then lists what the membership table in Redis records before it says so.
/// </summary>
public sealed class NoSiloAnswerException(string message, Exception? inner = null) : ClusterUnavailableException(message, inner);
