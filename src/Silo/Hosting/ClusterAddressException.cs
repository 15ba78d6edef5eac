namespace MarketSim.Silo.Hosting;

/// <summary>A <c>--cluster</c> value that is not a Redis address; the message says what is allowed.</summary>
public sealed class ClusterAddressException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public ClusterAddressException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public ClusterAddressException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public ClusterAddressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
