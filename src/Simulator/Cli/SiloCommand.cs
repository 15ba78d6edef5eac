using System.CommandLine;
using MarketSim.Grains.Market;
using MarketSim.Silo.Cluster;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim silo --cluster CONNECTION`: a standalone silo that takes batches from the cluster until stopped.</summary>
internal static class SiloCommand
{
    public static Command Create(MarketSimCli cli)
    {
        var cluster = new Option<string>("--cluster") { Description = "The cluster's PostgreSQL connection string (Npgsql form).", Required = true };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads; 0 uses every core.", DefaultValueFactory = _ => 0 };
        var id = new Option<string?>("--id") { Description = "This silo's id in the membership table (default: host-pid-random)." };
        var lease = new Option<double>("--lease-seconds") { Description = "How long a batch lease lasts without renewal; a dead silo's batches return after this.", DefaultValueFactory = _ => 30 };
        var heartbeat = new Option<double>("--heartbeat-seconds") { Description = "How often the silo reports it is alive and renews its leases.", DefaultValueFactory = _ => 2 };
        var command = new Command("silo", "Run a standalone silo: join the cluster through PostgreSQL, lease batches of runs, compute them and write their outcomes. Stops gracefully on SIGTERM or Ctrl+C.")
        {
            cluster, threads, id, lease, heartbeat,
        };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(lease) <= 0 || parsed.GetValue(heartbeat) <= 0 || parsed.GetValue(heartbeat) >= parsed.GetValue(lease))
            {
                cli.Error.WriteLine("error: --lease-seconds and --heartbeat-seconds must be > 0, with the heartbeat shorter than the lease");
                return ExitCodes.BadInput;
            }
            var options = new SiloOptions
            {
                Threads = parsed.GetValue(threads),
                Lease = TimeSpan.FromSeconds(parsed.GetValue(lease)),
                Heartbeat = TimeSpan.FromSeconds(parsed.GetValue(heartbeat)),
                DeadAfter = TimeSpan.FromSeconds(Math.Max(3 * parsed.GetValue(heartbeat), parsed.GetValue(lease) / 2)),
            };
            if (parsed.GetValue(id) is { } name)
            {
                options = options with { Id = name };
            }
            var stop = cli.Signals.Stop;
            return CommandErrors.Handle(cli, () =>
            {
                using var database = new ClusterDatabase(parsed.GetValue(cluster)!);
                database.CheckReachable(TimeSpan.FromSeconds(10), stop);
                var host = new SiloHost(database, options, ModelFactory);
                cli.Error.WriteLine($"silo {options.Id}: joined the cluster; stop with SIGTERM or Ctrl+C");
                host.Run(stop);
                cli.Error.WriteLine($"silo {options.Id}: stopped after {host.BatchesCompleted} batches");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary>Turns an experiment's stored scenario into a factory of markets.</summary>
    private static Func<IRunModel> ModelFactory(string yaml)
    {
        var scenario = ScenarioLoader.Parse(yaml, "experiment scenario") is { Scenario: { } s } ? s : throw new InvalidOperationException("The stored scenario does not load.");
        return () => new Market(scenario);
    }
}
