using System.CommandLine;
using System.Globalization;
using MarketSim.Silo.Cluster;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim cluster status --cluster CONNECTION`: the silos and experiments of a cluster.</summary>
internal static class ClusterCommand
{
    public static Command Create(MarketSimCli cli)
    {
        var cluster = new Option<string>("--cluster") { Description = "The cluster's PostgreSQL connection string (Npgsql form).", Required = true };
        var status = new Command("status", "List silos (alive, stopped or dead, last heartbeat, batches done) and experiments (progress, status).") { cluster };
        status.SetAction(parsed => CommandErrors.Handle(cli, () =>
        {
            using var database = new ClusterDatabase(parsed.GetValue(cluster)!) { RetryWindow = TimeSpan.FromSeconds(5) };
            database.CheckReachable(TimeSpan.FromSeconds(5));
            var (silos, experiments) = ClusterStatus.Read(database, TimeSpan.FromSeconds(10));
            var console = TableConsole.For(cli.Output, cli.Interactive, cli.ConsoleWidth);
            var silosTable = new FittedTable("Silos").Text("Id").Text("Host").Number("Pid", FittedTable.Drop.ToFit).Number("Threads", FittedTable.Drop.ToFit)
                .Text("Status").Number("Heartbeat").Number("Batches done");
            foreach (var s in silos)
            {
                silosTable.AddRow(s.Id, s.Host, s.Pid.ToString(CultureInfo.InvariantCulture), s.Threads.ToString(CultureInfo.InvariantCulture), s.Status, $"{s.SecondsSinceHeartbeat:0.0}s ago", s.BatchesCompleted.ToString(CultureInfo.InvariantCulture));
            }
            var experimentsTable = new FittedTable("Experiments").Number("Id").Text("Scenario").Number("Runs").Number("Done").Number("Leased batches", FittedTable.Drop.ToFit)
                .Text("Status").Number("Created (UTC)", FittedTable.Drop.ToFit);
            foreach (var e in experiments)
            {
                experimentsTable.AddRow(e.Id.ToString(CultureInfo.InvariantCulture), e.Scenario, e.Runs.ToString("N0", CultureInfo.InvariantCulture),
                    $"{e.RunsCompleted:N0} ({100.0 * e.RunsCompleted / Math.Max(1, e.Runs):0}%)", e.BatchesLeased.ToString(CultureInfo.InvariantCulture), e.Status, e.CreatedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            }
            console.Write(silosTable);
            console.Write(experimentsTable);
            return ExitCodes.Ok;
        }));
        return new Command("cluster", "Inspect a cluster of silos coordinated through PostgreSQL.") { status };
    }
}
