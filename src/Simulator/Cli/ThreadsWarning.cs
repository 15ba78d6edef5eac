namespace MarketSim.Simulator.Cli;

/// <summary>
/// The warning for --threads above the machine's cores: allowed, as results never depend on the thread count,
/// but the runs are no faster, which a user asking for 64 threads on a 2-core machine should hear.
/// </summary>
internal static class ThreadsWarning
{
    /// <summary>The refusal of a --threads given with --cluster (run and serve): a cluster's runs go to the silos' own threads.</summary>
    public const string NotWithCluster = "--threads: does not apply with --cluster, whose runs go to the silos' own threads; allowed: leave it out, and start each silo with 'marketsim silo --threads T'";

    /// <summary>Writes the warning to <paramref name="error"/> when <paramref name="threads"/> is more than the cores.</summary>
    public static void IfAboveCores(TextWriter error, int threads)
    {
        if (threads > Environment.ProcessorCount)
        {
            error.WriteLine($"warning: --threads {threads} is more than this machine's {Environment.ProcessorCount} cores: the runs will be no faster, and may be slower (the results are the same)");
        }
    }
}
