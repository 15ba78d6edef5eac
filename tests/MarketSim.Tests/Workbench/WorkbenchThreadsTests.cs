using System.Net;
using System.Text.Json;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Workbench;

/// <summary>`marketsim serve --threads T`: what a workbench experiment's manifest says ran its runs.</summary>
public sealed class WorkbenchThreadsTests
{
    [Fact]
    public async Task A_workbench_experiments_manifest_records_the_run_threads_serve_was_given_not_the_machines_cores()
    {
        var threads = Environment.ProcessorCount == 1 ? 2 : 1;
        var folder = Repo.TempDir();
        try
        {
            var experiments = Path.Combine(folder, "experiments");
            await using var server = await WorkbenchServer.Start(new WorkbenchOptions(0, IPAddress.Loopback, experiments, Path.Combine(Repo.Root, "scenarios"), Threads: threads), ScenarioCompiler.Instance);
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };

            var id = await Support.Workbench.StartRun(client, "bundled/dorset-pool-2017.yaml", 40, 6);
            var last = (await ProgressEvents.Read(client, id, TimeSpan.FromSeconds(180)))[^1];

            Assert.True(last.GetProperty("state").GetString() == "done", last.ToString());
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(experiments, id, "manifest.json")));
            Assert.Equal(threads, manifest.RootElement.GetProperty("threads").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
