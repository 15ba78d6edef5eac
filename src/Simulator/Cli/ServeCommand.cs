using System.CommandLine;
using System.Net;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench;
using MarketSim.Simulator.Workbench.Library;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim serve [--port 5000] [--listen ADDRESS]`: the browser workbench on an embedded silo (or a cluster's client), until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(MarketSimCli cli)
    {
        var port = new Option<int>("--port", "-p") { Description = "The HTTP port.", DefaultValueFactory = _ => 5000 };
        var listen = new Option<string?>("--listen") { Description = "The IP address to listen on (default 127.0.0.1, this machine only). Another address lets anyone who can reach it run experiments and read every result: there is no login." };
        var experiments = new Option<string>("--experiments") { Description = "The folder experiments are kept in, one results folder each, with your scenarios in its scenarios/ folder; `marketsim run --out` into it shows up too.", DefaultValueFactory = _ => "marketsim-experiments" };
        var scenarios = new Option<string?>("--scenarios") { Description = "The bundled scenarios' folder (default: the one installed with marketsim)." };
        var cluster = new Option<string?>("--cluster") { Description = "The Redis of a MarketSim Orleans cluster, redis://HOST:PORT: run experiments on its silos as a client instead of on the embedded silo (see docs/cluster.md)." };
        var threads = new Option<int>("--threads", "-t") { Description = "Run worker threads of the embedded silo; 0 uses every core.", DefaultValueFactory = _ => 0 };
        var command = new Command("serve", "Serve the browser workbench (scenarios, levers, runs with live progress, results, comparisons) on an embedded Orleans silo, until Ctrl+C or SIGTERM. See docs/workbench.md.")
        {
            port, listen, experiments, scenarios, cluster, threads,
        };
        command.SetAction(parsed => CommandErrors.Handle(cli, () =>
        {
            var problems = new List<string>();
            if (parsed.GetValue(port) is < 0 or > 65535)
            {
                problems.Add($"--port: {parsed.GetValue(port)} is not allowed; allowed: a TCP port 1-65535, or 0 for a free one");
            }
            if (parsed.GetValue(threads) < 0)
            {
                problems.Add($"--threads: {parsed.GetValue(threads)} is not allowed; allowed: 0 (every core) or a whole number ≥ 1");
            }
            var address = IPAddress.Loopback;
            if (parsed.GetValue(listen) is { } text && !IPAddress.TryParse(text, out address!))
            {
                problems.Add($"--listen: '{text}' is not allowed; allowed: an IP address, like 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)");
            }
            var bundled = parsed.GetValue(scenarios) ?? BundledScenarios.Find();
            if (bundled is null || !Directory.Exists(bundled))
            {
                problems.Add(bundled is null
                    ? "--scenarios: the bundled scenarios were not found beside marketsim; allowed: --scenarios DIR, a folder of scenario files"
                    : $"--scenarios: '{bundled}' is not a folder; allowed: a folder of scenario files");
            }
            if (problems.Count > 0)
            {
                problems.ForEach(p => cli.Error.WriteLine($"error: {p}"));
                return ExitCodes.BadInput;
            }
            var options = new WorkbenchOptions(parsed.GetValue(port), address, parsed.GetValue(experiments)!, bundled!, parsed.GetValue(cluster), parsed.GetValue(threads));
            var stop = cli.Signals.Stop;
            var server = WorkbenchServer.Start(options, ScenarioCompiler.Instance, stop).GetAwaiter().GetResult();
            try
            {
                if (!options.IsLoopback)
                {
                    cli.Error.WriteLine($"WARNING: listening on {address}, not loopback: anyone who can reach this machine on port {server.Address.Port} can run experiments and read every result in {server.Experiments.Root}. There is no login; use a trusted network only.");
                }
                cli.Output.WriteLine($"MarketSim workbench: {server.Address} (experiments in {server.Experiments.Root}{(options.Cluster is null ? "" : $", runs on the cluster at {options.Cluster}")}). Ctrl+C stops it.");
                stop.WaitHandle.WaitOne();
                cli.Error.WriteLine($"stopping the workbench ({cli.Signals.SignalName}); experiments still running are dropped without writing");
                return cli.Signals.ExitCode;
            }
            finally
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }));
        return command;
    }
}
