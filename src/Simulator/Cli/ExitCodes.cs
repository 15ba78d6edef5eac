namespace MarketSim.Simulator.Cli;

/// <summary>The process exit codes of `marketsim`: the shell's 128 + signal number when a signal stopped it.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected failure inside the engine.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a bad scenario file, a bad option, an unusable output folder.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by SIGHUP (the terminal closed).</summary>
    public const int HungUp = 129;

    /// <summary>Stopped by Ctrl+C (SIGINT).</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (kill, a job scheduler, timeout).</summary>
    public const int Terminated = 143;
}
