using System.CommandLine;
using System.Net;
using MarketSim.Silo.Hosting;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench;
using MarketSim.Simulator.Workbench.Library;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim serve [--port 5000] [--listen ADDRESS]`: the browser workbench on an embedded silo (or a cluster's client), until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(MarketSimCli cli)
    {
        var port = NumberOption.Create<int>("--port", "The HTTP port; 0 picks a free one.", 5000, NumberOption.Ports, "-p");
        var listen = new Option<string?>("--listen") { Description = "The IP address to listen on (default 127.0.0.1, this machine only). Another address lets anyone who can reach it run experiments and read every result: there is no login." };
        var experiments = FolderOption.Create("--experiments", "The folder experiments are kept in, one results folder each, with your scenarios in its scenarios/ folder; `marketsim run --out` into it shows up too.");
        experiments.DefaultValueFactory = _ => "marketsim-experiments";
        var scenarios = FolderOption.Create("--scenarios", "The bundled scenarios' folder (default: the one installed with marketsim).");
        var cluster = new Option<string?>("--cluster") { Description = $"The Redis of a MarketSim Orleans cluster, redis://HOST:PORT (redis://:PASSWORD@HOST:PORT when it has a password, or the password in the environment variable {ClusterAddress.PasswordVariable}): run experiments on its silos as a client instead of on the embedded silo (see docs/cluster.md)." };
        var threads = NumberOption.Create<int>("--threads", "Run worker threads of the embedded silo; 0 uses every core. Not with --cluster: each silo has its own.", 0, NumberOption.Threads, "-t");
        var command = new Command("serve", "Serve the browser workbench (scenarios, levers, runs with live progress, results, comparisons) on an embedded Orleans silo, until Ctrl+C or SIGTERM. See docs/workbench.md.")
        {
            port, listen, experiments, scenarios, cluster, threads,
        };
        command.SetAction(parsed => CommandErrors.Handle(cli, () =>
        {
            var problems = new List<string>();
            var address = IPAddress.Loopback;
            if (parsed.GetValue(listen) is { } text && !IPAddress.TryParse(text, out address!))
            {
                problems.Add($"--listen: '{text}' is not allowed; allowed: an IP address, like 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)");
            }
            var kept = Path.GetFullPath(parsed.GetValue(experiments)!);
            if (File.Exists(kept) || OutputFolderGuard.FileOnPath(kept) is not null)
            {
                problems.Add($"--experiments: {(File.Exists(kept) ? kept : OutputFolderGuard.FileOnPath(kept))} is a file, not a folder; allowed: a folder path whose every part is a folder or new");
            }
            if (parsed.GetValue(cluster) is not null && parsed.GetResult(threads) is { Implicit: false })
            {
                problems.Add(ThreadsWarning.NotWithCluster);
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
            if (parsed.GetValue(cluster) is null)
            {
                ThreadsWarning.IfAboveCores(cli.Error, parsed.GetValue(threads));
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
