using System.Net;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Workbench;

/// <summary>`marketsim serve --cluster`: the workbench as an Orleans client of a cluster of real silo processes on a private Redis.</summary>
public sealed class WorkbenchOnClusterTests
{
    [Fact]
    public async Task A_workbench_on_a_cluster_runs_on_its_silos_and_writes_what_an_embedded_run_writes()
    {
        var folder = Repo.TempDir();
        try
        {
            using var cluster = new ProcessCluster();
            cluster.Start(1);
            var experiments = Path.Combine(folder, "experiments");
            await using var server = await WorkbenchServer.Start(new WorkbenchOptions(0, IPAddress.Loopback, experiments, Path.Combine(Repo.Root, "scenarios"), cluster.Redis.Uri), ScenarioCompiler.Instance);
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };

            var id = await Support.Workbench.StartRun(client, "bundled/doncaster-ccash.yaml", 200, 5);
            var last = (await ProgressEvents.Read(client, id, TimeSpan.FromSeconds(180)))[^1];
            var dashboard = await client.GetStringAsync("/dashboard");

            Assert.True(last.GetProperty("state").GetString() == "done", last.ToString());
            Assert.Equal(id, await cluster.WaitForExperiment(TimeSpan.FromSeconds(10)));
            Assert.Contains("marketsim silo --cluster", dashboard, StringComparison.Ordinal);
            var embedded = Path.Combine(folder, "embedded");
            var run = CliRun.Of("run", Repo.Scenario("doncaster-ccash.yaml"), "--runs", "200", "--seed", "5", "--out", embedded, "--quiet");
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal(File.ReadAllBytes(Path.Combine(embedded, "runs.csv")), File.ReadAllBytes(Path.Combine(experiments, id, "runs.csv")));
            Assert.Contains("\"silo\": \"cluster\"", File.ReadAllText(Path.Combine(experiments, id, "manifest.json")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
