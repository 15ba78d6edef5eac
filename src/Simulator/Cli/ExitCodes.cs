namespace MarketSim.Simulator.Cli;

/// <summary>The process exit codes of `marketsim`.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected failure inside the engine.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a bad scenario file, a bad option, an unusable output folder.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted (Ctrl+C); nothing was left behind.</summary>
    public const int Cancelled = 130;
}
