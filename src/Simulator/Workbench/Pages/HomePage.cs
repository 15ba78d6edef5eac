using System.Globalization;
using System.Text;
using MarketSim.Simulator.Workbench.Jobs;
using MarketSim.Simulator.Workbench.Library;
using Microsoft.AspNetCore.Builder;
using static MarketSim.Simulator.Workbench.Pages.Page;

namespace MarketSim.Simulator.Workbench.Pages;

/// <summary>The workbench's first page: what it is for, what is running, the latest results, and where to start.</summary>
internal static class HomePage
{
    public static void Map(WebApplication app) =>
        app.MapGet("/", (WorkbenchOptions options, ExperimentsFolder folder, ExperimentJobs jobs) =>
        {
            var html = new StringBuilder("<h1>MarketSim workbench</h1><p>Stress-test a care market: pick a scenario, change its levers (rates, capacity, budgets, growth, risk-share agreements), run thousands of simulated futures, and compare the results.</p>");
            if (!options.IsLoopback)
            {
                html.Append("<p class=\"warning\">This workbench listens on ").Append(E(options.Listen.ToString())).Append(": anyone who can reach this machine can run experiments and read every result. There is no login.</p>");
            }
            html.Append("<p><a class=\"button\" href=\"/scenarios\">Scenarios</a> <a class=\"button\" href=\"/run\">Run an experiment</a> <a class=\"button secondary\" href=\"/experiments\">Results</a> <a class=\"button secondary\" href=\"/compare\">Compare</a></p>");
            foreach (var job in jobs.Running)
            {
                html.Append("<p class=\"ok\">Running: <a href=\"/experiments/").Append(U(job.Id)).Append("/progress\">").Append(E(job.Scenario.Name)).Append("</a></p>");
            }
            var latest = folder.List().Take(5).ToList();
            if (latest.Count > 0)
            {
                html.Append("<h2>Latest results</h2><ul>");
                foreach (var e in latest)
                {
                    html.Append("<li><a href=\"/experiments/").Append(U(e.Id)).Append("\">").Append(E(e.ScenarioName)).Append("</a> <span class=\"muted\">")
                        .Append(e.Runs.ToString("N0", CultureInfo.InvariantCulture)).Append(" runs, seed ").Append(e.Seed).Append("</span></li>");
                }
                html.Append("</ul>");
            }
            html.Append("<p class=\"muted\">Experiments are kept in ").Append(E(folder.Root)).Append(", one results folder each; operators will find the Orleans Dashboard at <a href=\"/dashboard/\">/dashboard</a>.</p>");
            return Html("Home", html.ToString(), "/");
        });
}
