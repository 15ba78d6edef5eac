namespace MarketSim.Silo.Hosting;

/// <summary>
/// The cluster cannot be reached: no Redis at the address, or no silo running (then a <see cref="NoSiloAnswerException"/>).
/// The message is one line that starts with the option it is about (<c>--cluster: …</c>).
/// </summary>
public class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
