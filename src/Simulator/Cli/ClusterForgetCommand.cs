using System.CommandLine;
using System.Globalization;
using MarketSim.Grains.Experiments;
using MarketSim.Silo.Hosting;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim cluster forget --cluster redis://HOST:PORT ID… | --ended [--force]`: removes experiments from the cluster's Redis.</summary>
internal static class ClusterForgetCommand
{
    public static Command Create(MarketSimCli cli, Option<string> cluster)
    {
        var ids = new Argument<string[]>("ID") { Description = "The experiments to forget, as 'cluster status' lists them.", Arity = ArgumentArity.ZeroOrMore };
        var ended = new Option<bool>("--ended") { Description = "Forget every experiment that has ended (finished, interrupted, cancelled or failed); running ones are kept." };
        var force = new Option<bool>("--force") { Description = "Cancel a running experiment named by ID before forgetting it: a client still taking its runs then fails, writing nothing." };
        var forget = new Command("forget", "Remove experiments from the cluster's Redis (plan, progress and entity outcomes), which keeps them until told; their results folders are not touched.")
        {
            cluster, ids, ended, force,
        };
        forget.SetAction(parsed => CommandErrors.Handle(cli, () =>
        {
            var named = (parsed.GetValue(ids) ?? []).Distinct(StringComparer.Ordinal).ToList();
            if (named.Count == 0 && !parsed.GetValue(ended))
            {
                cli.Error.WriteLine("error: cluster forget: no experiment named; allowed: one or more IDs as 'marketsim cluster status' lists them, or --ended for every experiment that has ended");
                return ExitCodes.BadInput;
            }
            var redis = ClusterAddress.FromCommandLine(parsed.GetValue(cluster));
            var progress = new Progress();
            try
            {
                return Forget(cli, redis, named, parsed.GetValue(ended), parsed.GetValue(force), progress);
            }
            catch (OperationCanceledException) when (cli.Signals.Signal is not null)
            {
                cli.Error.WriteLine($"interrupted by {cli.Signals.SignalName}: {progress.Stopped(redis)}");
                return cli.Signals.ExitCode;
            }
        }));
        return forget;
    }

    /// <summary>Forgets the experiments named, or with <paramref name="ended"/> every one that has ended, keeping <paramref name="progress"/> up to date for a message should a signal stop it.</summary>
    private static int Forget(MarketSimCli cli, ClusterAddress redis, List<string> named, bool ended, bool force, Progress progress)
    {
        using var connection = ClusterConnection.Open(redis, cli.Signals.Stop);
        var (_, experiments) = ClusterCommand.Read(connection.Client, redis, cli.Signals.Stop);
        var byId = experiments.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var id in named)
        {
            if (!byId.TryGetValue(id, out var e))
            {
                problems.Add($"cluster forget: experiment '{id}' is not in the cluster at {redis}; allowed: an ID that 'marketsim cluster status --cluster {redis.ToTypeAgain()}' lists");
            }
            else if (e.Phase == ClusterStatus.NoAnswer)
            {
                problems.Add($"cluster forget: experiment '{id}' did not answer (its silo may have just died); try again in a few seconds");
            }
            else if (ExperimentPhase.MayHaveAClient(e.Phase) && !force)
            {
                problems.Add($"cluster forget: experiment '{id}' is {e.Phase} ({e.RunsDelivered.ToString("N0", CultureInfo.InvariantCulture)} of {e.Runs.ToString("N0", CultureInfo.InvariantCulture)} runs delivered), and a client may still be taking its runs; stop that client first, or give --force to cancel it (the client then fails, writing nothing)");
            }
        }
        if (problems.Count > 0)
        {
            problems.ForEach(p => cli.Error.WriteLine($"error: {p}"));
            return ExitCodes.BadInput;
        }
        var chosen = named.Select(id => byId[id]).ToList();
        if (ended)
        {
            chosen.AddRange(experiments.Where(e => !ExperimentPhase.MayHaveAClient(e.Phase) && e.Phase != ClusterStatus.NoAnswer && !chosen.Contains(e)));
        }
        progress.Experiments = experiments.Count;
        progress.Chosen = chosen;
        foreach (var e in chosen)
        {
            cli.Signals.Stop.ThrowIfCancellationRequested();
            ClusterForget.Forget(connection.Client, e.Id, cancelFirst: ExperimentPhase.MayHaveAClient(e.Phase)).GetAwaiter().GetResult();
            progress.Forgotten++;
            cli.Output.WriteLine($"forgot experiment {e.Id} ({e.Scenario}, {e.Phase}, {e.RunsDelivered.ToString("N0", CultureInfo.InvariantCulture)} runs delivered){(ExperimentPhase.MayHaveAClient(e.Phase) ? ", cancelled first" : "")}");
        }
        var kept = experiments.Count - chosen.Count;
        cli.Output.WriteLine(
            experiments.Count == 0 ? $"The cluster at {redis} keeps no experiments."
            : chosen.Count == 0 ? $"No experiment has ended; {kept.ToString("N0", CultureInfo.InvariantCulture)} running kept."
            : $"Forgot {chosen.Count.ToString("N0", CultureInfo.InvariantCulture)} experiment{(chosen.Count == 1 ? "" : "s")}; {kept.ToString("N0", CultureInfo.InvariantCulture)} kept in the cluster at {redis}.");
        return ExitCodes.Ok;
    }

    /// <summary>How far a forget got: the experiments the cluster kept when it was read, those chosen, and how many of them are forgotten.</summary>
    private sealed class Progress
    {
        /// <summary>The experiments the cluster kept when it was read; -1 until then.</summary>
        public int Experiments { get; set; } = -1;

        /// <summary>The experiments chosen to forget, in the order they are forgotten.</summary>
        public IReadOnlyList<ExperimentProgress> Chosen { get; set; } = [];

        /// <summary>How many of <see cref="Chosen"/> (the first ones) are forgotten.</summary>
        public int Forgotten { get; set; }

        /// <summary>
        /// What a stop left: the cluster unchanged, or how many of the chosen experiments were forgotten, which were not, and how many
        /// the cluster keeps (as the line of a forget that ran to its end says).
        /// </summary>
        public string Stopped(ClusterAddress redis)
        {
            if (Forgotten == 0)
            {
                return Experiments < 0
                    ? $"cluster forget stopped while reading the cluster at {redis}; the cluster was not changed"
                    : $"cluster forget stopped before forgetting any experiment; the cluster at {redis} was not changed";
            }
            var kept = Experiments - Forgotten;
            return $"cluster forget stopped after forgetting {Count(Forgotten)} of the {Count(Chosen.Count)} experiments chosen; "
                + $"not forgotten: {string.Join(' ', Chosen.Skip(Forgotten).Select(e => e.Id))}; {Count(kept)} experiment{(kept == 1 ? "" : "s")} kept in the cluster at {redis}";
        }

        private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
    }
}
