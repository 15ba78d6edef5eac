using System.CommandLine;
using System.Net;
using MarketSim.Silo.Hosting;
using MarketSim.Simulator.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim silo --cluster redis://HOST:PORT`: a silo of an Orleans cluster, running until stopped.</summary>
internal static class SiloCommand
{
    /// <summary>How long a stopping silo tries to record its leaving in Redis before it exits anyway.</summary>
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(15);

    public static Command Create(MarketSimCli cli)
    {
        var cluster = new Option<string>("--cluster") { Description = $"The cluster's Redis, which holds Orleans membership and grain state; a password as redis://:PASSWORD@HOST:PORT, or in the environment variable {ClusterAddress.PasswordVariable}. Allowed: {ClusterAddress.Allowed}.", Required = true };
        var threads = NumberOption.Create<int>("--threads", "Run worker threads; 0 uses every core.", 0, NumberOption.Threads, "-t");
        var address = new Option<string?>("--address") { Description = "The IP address other silos and clients reach this silo at (default: 127.0.0.1 when Redis is on loopback, else this machine's first IPv4 address)." };
        var siloPort = NumberOption.Create<int>("--silo-port", "Port for silo-to-silo traffic; 0 picks a free one.", 0, NumberOption.Ports);
        var gatewayPort = NumberOption.Create<int>("--gateway-port", "Port clients connect to; 0 picks a free one.", 0, NumberOption.Ports);
        var dashboard = NumberOption.Optional<int>("--dashboard", "Serve the Orleans Dashboard at http://127.0.0.1:PORT/dashboard (loopback only).", NumberOption.Port);
        var command = new Command("silo", "Run a silo of a MarketSim Orleans cluster: it joins through Redis, computes batches of any experiment, and takes over the grains of silos that die. Stops cleanly on SIGTERM or Ctrl+C. See docs/cluster.md.")
        {
            cluster, threads, address, siloPort, gatewayPort, dashboard,
        };
        command.SetAction(parsed => CommandErrors.Handle(cli, () =>
        {
            var redis = ClusterAddress.FromCommandLine(parsed.GetValue(cluster));
            var problems = new List<string>();
            IPAddress? ip = null;
            if (parsed.GetValue(address) is { } text && !IPAddress.TryParse(text, out ip))
            {
                problems.Add($"--address: '{text}' is not allowed; allowed: an IP address of this machine, like 10.0.0.5");
            }
            if (parsed.GetValue(siloPort) is > 0 and var same && same == parsed.GetValue(gatewayPort))
            {
                problems.Add($"--gateway-port: {same} is also the --silo-port; allowed: another TCP port from 1 to 65,535, or 0 for a free one");
            }
            var listenAt = ip ?? SiloAddresses.Default(redis.Host);
            if (problems.Count == 0)
            {
                List<(string Option, IPAddress Address, int Port)> listens =
                    [("--silo-port", listenAt, parsed.GetValue(siloPort)), ("--gateway-port", listenAt, parsed.GetValue(gatewayPort))];
                if (parsed.GetValue(dashboard) is { } web)
                {
                    listens.Add(("--dashboard", IPAddress.Loopback, web));
                }
                problems.AddRange(listens.Select(l => SiloListenCheck.Problem(l.Option, l.Address, l.Port)).OfType<string>().Distinct());
            }
            if (problems.Count > 0)
            {
                problems.ForEach(p => cli.Error.WriteLine($"error: {p}"));
                return ExitCodes.BadInput;
            }
            ThreadsWarning.IfAboveCores(cli.Error, parsed.GetValue(threads));
            var stop = cli.Signals.Stop;
            try
            {
                redis.ThrowIfUnreachable(ClusterAddress.StartReachTimeout, stop);
            }
            catch (OperationCanceledException) when (cli.Signals.Signal is not null)
            {
                cli.Error.WriteLine($"silo (pid {Environment.ProcessId}) stopped by {cli.Signals.SignalName} before it joined the cluster at {redis}");
                return cli.Signals.ExitCode;
            }
            var options = new ClusterSiloOptions(redis.ToConfigurationString(), parsed.GetValue(threads), listenAt,
                parsed.GetValue(siloPort), parsed.GetValue(gatewayPort), parsed.GetValue(dashboard));
            var host = ClusterSilo.Build(options, ScenarioCompiler.Instance);
            // Orleans ends a start cancelled in one of its stages with five fail: lines of stack trace: a signal while the
            // silo joins lets it finish joining and then leave, as after any other signal; only a second one stops it at once.
            var joining = host.StartAsync(CancellationToken.None);
            Task.WhenAny(joining, Task.Delay(Timeout.Infinite, cli.Signals.Abort)).GetAwaiter().GetResult();
            if (!joining.IsCompleted)
            {
                cli.Error.WriteLine($"silo (pid {Environment.ProcessId}) stopped by a second signal while it joined the cluster at {redis}; the other silos will declare it dead");
                return ExitCodes.Failure;
            }
            joining.GetAwaiter().GetResult();
            var threadCount = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
            var self = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
            cli.Error.WriteLine($"silo {self} (pid {Environment.ProcessId}) joined the cluster at {redis} with {threadCount} worker thread{(threadCount == 1 ? "" : "s")}; stop with SIGTERM or Ctrl+C");
            if (options.DashboardPort is { } port)
            {
                cli.Error.WriteLine($"dashboard: http://127.0.0.1:{port}/dashboard");
            }
            var fatal = host.Services.GetRequiredService<SiloDeclaredDead>().Happened;
            WaitHandle.WaitAny([stop.WaitHandle, ((IAsyncResult)fatal).AsyncWaitHandle]);
            if (fatal.IsCompleted)
            {
                cli.Error.WriteLine(FatalMessage(self, redis, fatal.Result));
                host.StopAsync(TimeSpan.FromSeconds(5)).Wait(TimeSpan.FromSeconds(5));
                return ExitCodes.Failure;
            }
            // Leaving writes to Redis; Orleans keeps retrying when it cannot, for minutes. Give it 15 s, or
            // until a second signal, then go anyway: the other silos declare this one dead within seconds.
            var leaving = host.StopAsync(TimeSpan.FromSeconds(10));
            Task.WhenAny(leaving, Task.Delay(LeaveTimeout, cli.Signals.Abort)).GetAwaiter().GetResult();
            if (!leaving.IsCompletedSuccessfully)
            {
                cli.Error.WriteLine(cli.Signals.Abort.IsCancellationRequested
                    ? $"silo {self} (pid {Environment.ProcessId}) stopped by a second signal before it had left the cluster; the other silos will declare it dead"
                    : $"silo {self} (pid {Environment.ProcessId}) could not leave the cluster cleanly (does Redis at {redis} answer?); stopping anyway: the other silos will declare it dead");
                return ExitCodes.Failure;
            }
            host.Dispose();
            cli.Error.WriteLine($"silo {self} (pid {Environment.ProcessId}) left the cluster");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What a silo that Orleans stopped says: in words for the usual cause, a death declared by the other silos.</summary>
    private static string FatalMessage(SiloAddress self, ClusterAddress redis, string cause) =>
        cause == SiloDeclaredDead.MembershipLost
            ? $"error: silo {self} (pid {Environment.ProcessId}) is no longer in the cluster's membership table at {redis}: Redis restarted empty or was flushed, so no client or silo can find this one. "
              + $"Start it again with 'marketsim silo --cluster {redis.ToTypeAgain()}', and the other silos too"
        : cause.Contains("dead", StringComparison.OrdinalIgnoreCase)
            ? $"error: silo {self} (pid {Environment.ProcessId}) was declared dead by the other silos of the cluster at {redis}: it did not answer their probes for several seconds "
              + "(the process was paused or suspended, the machine too busy, or the network cut). The other silos compute again any runs it had in hand; "
              + $"start it again with 'marketsim silo --cluster {redis.ToTypeAgain()}' to rejoin"
            : $"error: silo {self} (pid {Environment.ProcessId}) stopped on a fatal error in Orleans: {cause}";
}
