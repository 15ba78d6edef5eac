using System.Globalization;
using System.Text;
using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench.Compare;
using MarketSim.Simulator.Workbench.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static MarketSim.Simulator.Workbench.Pages.Page;

namespace MarketSim.Simulator.Workbench.Pages;

/// <summary>
/// The Compare page: two or more experiments side by side, each outcome's mean ± standard error in each, and the
/// difference from the base: paired run by run (common random numbers) when an experiment shares the base's seed,
/// otherwise unpaired, and said so.
/// </summary>
internal static class ComparePages
{
    public static void Map(WebApplication app) =>
        app.MapGet("/compare", (HttpRequest request, ExperimentsFolder folder, ILogger<WorkbenchServer> log) => Show(request, folder, log));

    private static IResult Show(HttpRequest request, ExperimentsFolder folder, ILogger log)
    {
        var experiments = folder.List();
        var baseId = request.Query["base"].ToString();
        var ticked = request.Query["e"].Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).Distinct().ToList();
        var others = ticked.Where(e => e != baseId).ToList();
        var all = request.Query["all"] == "1";
        var problem = baseId.Length == 0 || others.Count > 0 ? null
            : ticked.Count > 0 ? "An experiment cannot be compared with itself; allowed: one experiment or more besides the base"
            : "Nothing to compare the base with; allowed: one experiment or more besides the base";
        var html = new StringBuilder("<h1>Compare experiments</h1>");
        if (experiments.Count < 2)
        {
            html.Append("<p>Comparing needs two experiments or more in ").Append(E(folder.Root)).Append(". <a href=\"/run\">Run one</a>; give two experiments the same seed to pair their runs.</p>");
            return Html("Compare", html.ToString(), "/compare");
        }
        html.Append("<form method=\"get\" action=\"/compare\" class=\"stack\"><label for=\"base\">Base experiment</label><select id=\"base\" name=\"base\">");
        foreach (var e in experiments)
        {
            html.Append("<option value=\"").Append(E(e.Id)).Append('"').Append(e.Id == baseId ? " selected" : "").Append('>').Append(E(Describe(e))).Append("</option>");
        }
        html.Append("</select><fieldset><legend>Compare with</legend>");
        foreach (var e in experiments)
        {
            // A problem with the choice marks each box and is read out with it, as the Run and Levers pages do a field's problem.
            html.Append("<div><input type=\"checkbox\" name=\"e\" id=\"e-").Append(E(e.Id)).Append("\" value=\"").Append(E(e.Id)).Append('"').Append(others.Contains(e.Id) ? " checked" : "")
                .Append(problem is null ? "" : " aria-invalid=\"true\" aria-describedby=\"e-problem\"")
                .Append("> <label style=\"display:inline;font-weight:normal\" for=\"e-").Append(E(e.Id)).Append("\">").Append(E(Describe(e))).Append("</label></div>");
        }
        if (problem is not null)
        {
            html.Append("<div class=\"error\" id=\"e-problem\">").Append(E(problem)).Append("</div>");
        }
        html.Append("</fieldset><div><input type=\"checkbox\" name=\"all\" value=\"1\" id=\"all\"").Append(all ? " checked" : "")
            .Append("> <label style=\"display:inline;font-weight:normal\" for=\"all\">every outcome, not only the headline ones</label></div><button type=\"submit\">Compare</button></form>");
        if (baseId.Length > 0 && others.Count > 0)
        {
            var chosen = new List<StoredExperiment>();
            var unlisted = new List<string>();
            foreach (var id in others.Prepend(baseId))
            {
                if (folder.Find(id) is { } found)
                {
                    chosen.Add(found);
                }
                else if (folder.Unlisted(experiments).Any(u => u.Name == id && !u.BadName))
                {
                    // A results folder whose manifest.json or summary.json cannot be read (a run count of 1e30) is not listed, but it is there.
                    unlisted.Add(id);
                }
                else
                {
                    html.Append("<p class=\"error\">There is no experiment ").Append(E(id)).Append(".</p>");
                    return Html("Compare", html.ToString(), "/compare", StatusCodes.Status404NotFound);
                }
            }
            try
            {
                if (unlisted.Count > 0)
                {
                    // Opened as for a comparison, it says what is wrong with its manifest; else its summary is what cannot be read.
                    ExperimentComparison.Check(folder.PathFor(unlisted[0]), $"experiment {unlisted[0]}");
                    throw new InvalidDataException($"experiment {unlisted[0]}: its {Manifest.FileName} or summary.json cannot be read");
                }
                // Messages name each experiment and its files ("runs.csv of experiment ID"), not the server's paths.
                Table(html, ExperimentComparison.Read([.. chosen.Select(c => c.Folder)], [.. chosen.Select(c => $"experiment {c.Id}")]), chosen, all);
            }
            catch (ScenarioException ex)
            {
                html.Append("<div id=\"compare-problem\">").AppendJoin("", ex.Problems.Select(p => $"<p class=\"error\">{E(p.ToString())}</p>")).Append("</div>");
                return Html("Compare", html.ToString(), "/compare", StatusCodes.Status400BadRequest);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // A results folder damaged since it was written (runs.csv cut short or edited, a file removed or unreadable): nothing to compare.
                // A file the system refused is named without the server's path (ExperimentComparison's message); the system's own, with it, goes to the log.
                if (ex.InnerException is { } refusal && FileFailure.Is(refusal))
                {
                    FileFailure.Log(log, refusal, ex.Message);
                }
                html.Append("<div id=\"compare-problem\"><p class=\"error\">").Append(E(ex.Message))
                    .Append("</p><p>Nothing was compared: that experiment's results folder is not as MarketSim wrote it. Run the experiment again, or compare others.</p></div>");
                return Html("Compare", html.ToString(), "/compare", StatusCodes.Status422UnprocessableEntity);
            }
        }
        return Html("Compare", html.ToString(), "/compare", problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static void Table(StringBuilder html, ExperimentComparison comparison, List<StoredExperiment> chosen, bool all)
    {
        var names = chosen.Select(Describe).ToList();
        html.Append("<h2>").Append(E(chosen[0].ScenarioName)).Append(" and ").Append(chosen.Count - 1).Append(chosen.Count == 2 ? " other" : " others")
            .Append("</h2><p>Base: ").Append(E(names[0])).Append(".</p><ul>");
        for (var i = 1; i < comparison.Experiments.Count; i++)
        {
            var e = comparison.Experiments[i];
            html.Append("<li>").Append(names.Count > 2 ? $"({i}) " : "").Append(E(names[i])).Append(": ").Append(e.SharesBaseSeed
                ? $"the same seed as the base, so run k of each used the same random numbers; differences are paired run by run over {Math.Min(e.Runs, comparison.Experiments[0].Runs):N0} runs."
                : "another seed: differences are unpaired (independent runs), so their intervals are wider. Run it again with the base's seed to pair them.").Append("</li>");
        }
        html.Append("</ul>");
        foreach (var warning in comparison.Warnings)
        {
            html.Append("<p class=\"warning\">").Append(E(warning)).Append("</p>");
        }
        html.Append("<p class=\"muted\">Means are over the horizon and over each experiment's runs where the outcome has a value, ± their standard error; differences are other − base, ± the half-width of their 95% interval. ")
            .Append("A paired difference is over the runs both experiments hold where both have a value: where that leaves runs out, the cell gives both means over those runs.</p><div class=\"scroll\"><table id=\"comparison\"><tr><th>Outcome</th><th>Worse when</th>");
        var runsDiffer = comparison.Experiments.Any(e => e.Runs != comparison.Experiments[0].Runs);
        for (var i = 0; i < chosen.Count; i++)
        {
            html.Append("<th>").Append(i == 0 ? "Base: " : $"({i}) ").Append(E(chosen[i].ScenarioName)).Append(", seed ").Append(chosen[i].Seed)
                .Append(runsDiffer ? string.Create(CultureInfo.InvariantCulture, $", {comparison.Experiments[i].Runs:N0} runs") : "").Append("</th>");
        }
        for (var i = 1; i < names.Count; i++)
        {
            html.Append("<th>Difference ").Append(i == 1 && names.Count == 2 ? "" : $"({i}) ").Append("from base</th><th>P(worse) (95% CI)</th>");
        }
        html.Append("</tr>");
        var shown = comparison.Rows.Where(r => all || r.Headline).ToList();
        var footing = Footing.Of(shown.SelectMany(Figures));
        foreach (var row in shown)
        {
            html.Append("<tr><td>").Append(E(row.Label)).Append("</td><td>").Append(E(OutcomeDirection.Text(row.WorseWhen))).Append("</td>");
            foreach (var stats in row.PerExperiment)
            {
                html.Append("<td>").Append(E($"{footing.Format(stats.Mean, row.Unit)} ± {footing.Format(stats.StandardError, row.Unit)}")).Append("</td>");
            }
            for (var i = 1; i < names.Count; i++)
            {
                if (row.PairedWithBase[i] is { } paired)
                {
                    html.Append("<td>").Append(E(paired.Pairs > 0 ? $"{footing.PlusMinus(paired.MeanDifference, paired.HalfWidth95, row.Unit, signed: true)} (paired)" : "n/a"));
                    if (paired.Pairs > 0 && paired.LeavesRunsOut)
                    {
                        html.Append("<div class=\"muted\">").Append(E(string.Create(CultureInfo.InvariantCulture,
                            $"over the {paired.Pairs:N0} runs paired: base {footing.Format(paired.BaseMean, row.Unit)}, other {footing.Format(paired.OtherMean, row.Unit)}"))).Append("</div>");
                    }
                    html.Append("</td><td>").Append(E(Quantity.Chance(paired.Worse))).Append("</td>");
                }
                else
                {
                    var (difference, halfWidth) = Unpaired(row, i);
                    html.Append("<td>").Append(E($"{footing.PlusMinus(difference, halfWidth, row.Unit, signed: true)} (unpaired)")).Append("</td><td>n/a</td>");
                }
            }
            html.Append("</tr>");
        }
        html.Append("</table></div>");
        for (var i = 1; i < names.Count; i++)
        {
            foreach (var row in shown.Where(r => r.PairedWithBase[i] is { LeftOut: > 0 }))
            {
                var paired = row.PairedWithBase[i]!;
                html.Append("<p class=\"muted\">").Append(names.Count > 2 ? $"({i}) " : "").Append(E(ComparisonFiles.LeftOutNote(row.Label, paired.LeftOut, paired.Pairs))).Append("</p>");
            }
        }
    }

    /// <summary>Every figure <paramref name="row"/> shows, with its unit, for the table's footing (one scale per unit).</summary>
    private static IEnumerable<(double X, string Unit)> Figures(ComparedRow row)
    {
        foreach (var stats in row.PerExperiment)
        {
            yield return (stats.Mean, row.Unit);
            yield return (stats.StandardError, row.Unit);
        }
        for (var i = 1; i < row.PerExperiment.Count; i++)
        {
            if (row.PairedWithBase[i] is not { } paired)
            {
                var (difference, halfWidth) = Unpaired(row, i);
                yield return (difference, row.Unit);
                yield return (halfWidth, row.Unit);
            }
            else if (paired.Pairs > 0)
            {
                yield return (paired.MeanDifference, row.Unit);
                yield return (paired.HalfWidth95, row.Unit);
                if (paired.LeavesRunsOut)
                {
                    yield return (paired.BaseMean, row.Unit);
                    yield return (paired.OtherMean, row.Unit);
                }
            }
        }
    }

    /// <summary>Experiment <paramref name="i"/>'s difference from the base and its 95% half-width, when the two are not paired.</summary>
    private static (double Difference, double HalfWidth) Unpaired(ComparedRow row, int i) =>
        (row.PerExperiment[i].Mean - row.PerExperiment[0].Mean, Grains.Statistics.RunningMoments.Z95 * row.UnpairedStandardError(i));

    private static string Describe(StoredExperiment e) =>
        $"{e.ScenarioName}, {e.Runs.ToString("N0", CultureInfo.InvariantCulture)} runs, seed {e.Seed} ({e.Id})";
}
