using System.Globalization;
using System.Text;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench.Jobs;
using MarketSim.Simulator.Workbench.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static MarketSim.Simulator.Workbench.Pages.Page;

namespace MarketSim.Simulator.Workbench.Pages;

/// <summary>
/// The Run pages: a form (scenario, runs, seed, optional precision target), then live progress pushed as
/// server-sent events while the experiment grain hands the runs back (runs done, runs a second, time left, the
/// running estimate with its 95% interval), a button that stops and keeps the runs done, and one that cancels.
/// </summary>
internal static class RunPages
{
    /// <summary>The runs the form offers by default.</summary>
    public const long DefaultRuns = 2000;

    /// <summary>The most runs a workbench experiment may ask for (a million runs keep memory under 1 GB).</summary>
    public const long MostRuns = 1_000_000;

    public static void Map(WebApplication app)
    {
        app.MapGet("/run", (HttpContext context, ScenarioLibrary library, ExperimentJobs jobs, string? scenario) =>
            Form(context, library, jobs, new RunForm(scenario ?? "", DefaultRuns.ToString(CultureInfo.InvariantCulture), "1", "", ""), []));
        app.MapPost("/run", (HttpContext context, ScenarioLibrary library, ExperimentJobs jobs) => Start(context, library, jobs));
        app.MapGet("/experiments/{id}/progress", (string id, HttpContext context, ExperimentJobs jobs, ExperimentsFolder folder) => Progress(context, jobs, folder, id));
        app.MapGet("/experiments/{id}/events", (string id, ExperimentJobs jobs, CancellationToken cancellation) =>
            jobs.Find(id) is { } job ? TypedResults.ServerSentEvents(Events(job, cancellation), eventType: "progress") : NotFound($"There is no running experiment {id}."));
        app.MapGet("/experiments/{id}/cancel", (string id, HttpContext context, ExperimentJobs jobs) => ConfirmCancel(context, jobs, id));
        app.MapPost("/experiments/{id}/cancel", (string id, HttpContext context, ExperimentJobs jobs) => Act(context, jobs, id, job => job.Cancel()));
        app.MapPost("/experiments/{id}/stop", (string id, HttpContext context, ExperimentJobs jobs) => Act(context, jobs, id, job => job.Stop()));
        app.MapGet("/workbench/run.js", () => Results.Text(Script, "text/javascript; charset=utf-8"));
    }

    private sealed record RunForm(string Scenario, string Runs, string Seed, string Metric, string HalfWidth);

    private static IResult Form(HttpContext context, ScenarioLibrary library, ExperimentJobs jobs, RunForm form, Dictionary<string, string> problems, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder("<h1>Run an experiment</h1>");
        var running = jobs.Running;
        if (running.Count > 0)
        {
            html.Append("<p class=\"muted\">Running now: ").Append(string.Join(", ", running.Select(j => $"<a href=\"/experiments/{U(j.Id)}/progress\">{E(j.Scenario.Name)}</a>"))).Append("</p>");
        }
        html.Append("<form class=\"stack\" method=\"post\" action=\"/run\">").Append(Antiforgery(context))
            .Append("<input type=\"hidden\" name=\"submission\" value=\"").Append(Guid.NewGuid().ToString("N")).Append("\">");
        html.Append("<label for=\"scenario\">Scenario</label><select id=\"scenario\" name=\"scenario\"").Append(Invalid(problems, "scenario")).Append('>');
        foreach (var s in library.List().Where(s => s.Problem is null))
        {
            html.Append("<option value=\"").Append(E(s.Key)).Append('"').Append(s.Key == form.Scenario ? " selected" : "").Append('>')
                .Append(E(s.Name)).Append(" (").Append(E(s.Source == ScenarioFile.Bundled ? "bundled" : "yours")).Append(", ").Append(E(s.FileName)).Append(")</option>");
        }
        html.Append("</select>").Append(Problem(problems, "scenario"));
        Field(html, "runs", "Runs", "simulated futures; more runs, narrower intervals", form.Runs, problems, "numeric");
        Field(html, "seed", "Seed", "the same scenario, seed and runs give the same results, here and with `marketsim run`", form.Seed, problems, "numeric");
        html.Append("<fieldset><legend>Precision target (optional)</legend><p class=\"muted\">Stop as soon as the 95% interval of one outcome's mean is this narrow; Runs is then the most runs.</p>");
        Field(html, "metric", "Outcome", "pick one of the headline outcomes offered as you type, or any column of runs.csv, e.g. unmet_hours_total", form.Metric, problems, list: "outcomes");
        html.Append(OutcomeList(library, form.Scenario));
        Field(html, "halfwidth", "Half-width of its 95% interval", "in the outcome's unit, e.g. 500", form.HalfWidth, problems, "decimal");
        html.Append("</fieldset><button type=\"submit\">Start</button></form>");
        return Html("Run", html.ToString(), "/run", status);
    }

    /// <summary>A text field; <paramref name="inputMode"/> is the keyboard a phone offers (numeric, decimal), null for words.</summary>
    private static void Field(StringBuilder html, string name, string label, string hint, string value, Dictionary<string, string> problems, string? inputMode = null, string? list = null) =>
        html.Append("<label for=\"").Append(name).Append("\">").Append(E(label)).Append(" <span class=\"hint\">").Append(E(hint)).Append("</span></label>")
            .Append("<input type=\"text\" id=\"").Append(name).Append("\" name=\"").Append(name).Append('"').Append(inputMode is null ? "" : $" inputmode=\"{inputMode}\"")
            .Append(list is null ? "" : $" list=\"{list}\"")
            .Append(" value=\"").Append(E(value)).Append('"').Append(problems.ContainsKey(name) ? " class=\"invalid\"" : "").Append(Invalid(problems, name)).Append('>')
            .Append(Problem(problems, name));

    /// <summary>
    /// The headline outcomes every scenario has (not those of one commissioner, zone or pool), by name with their labels
    /// and units, offered as the Outcome field is typed in, so that a precision target needs no column name known by heart;
    /// those of the scenario chosen, or of the first one listed.
    /// </summary>
    private static string OutcomeList(ScenarioLibrary library, string key)
    {
        if ((library.Find(key) is { Problem: null } chosen ? chosen : library.List().FirstOrDefault(s => s.Problem is null)) is not { } scenario)
        {
            return "";
        }
        try
        {
            var loaded = ScenarioLoader.LoadUncertain(scenario.Path);
            var labels = new Reports.OutcomeLabels(loaded.Median);
            var html = new StringBuilder("<datalist id=\"outcomes\">");
            foreach (var column in ScenarioCompiler.Compile(loaded).Schema.Columns.Where(c => c.Headline && !c.Name.Contains("__", StringComparison.Ordinal)))
            {
                html.Append("<option value=\"").Append(E(column.Name)).Append("\" label=\"").Append(E(labels.WithUnit(column))).Append("\"></option>");
            }
            return html.Append("</datalist>").ToString();
        }
        catch (ScenarioException)
        {
            return "";
        }
    }

    /// <summary>The attributes that mark a field with a problem as invalid and point at its message; empty for a field without one.</summary>
    private static string Invalid(Dictionary<string, string> problems, string name) =>
        problems.ContainsKey(name) ? $" aria-invalid=\"true\" aria-describedby=\"{name}-problem\"" : "";

    private static string Problem(Dictionary<string, string> problems, string name) =>
        problems.TryGetValue(name, out var message) ? $"<div class=\"error\" id=\"{name}-problem\">{E(message)}</div>" : "";

    private static async Task<IResult> Start(HttpContext context, ScenarioLibrary library, ExperimentJobs jobs)
    {
        if (await ReadForm(context) is not { } posted)
        {
            return BadForm();
        }
        var form = new RunForm(posted["scenario"].ToString(), posted["runs"].ToString().Trim(), posted["seed"].ToString().Trim(), posted["metric"].ToString().Trim(), posted["halfwidth"].ToString().Trim());
        var problems = new Dictionary<string, string>();
        var scenario = library.Find(form.Scenario);
        if (scenario is null || scenario.Problem is not null)
        {
            problems["scenario"] = scenario?.Problem ?? "Choose one of the scenarios listed.";
        }
        if (!long.TryParse(form.Runs, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var runs) || runs < 2 || runs > MostRuns)
        {
            problems["runs"] = $"'{form.Runs}' is not allowed; allowed: a whole number from 2 to {MostRuns:N0} (a standard error needs two runs)";
        }
        if (!ulong.TryParse(form.Seed, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            problems["seed"] = $"'{form.Seed}' is not allowed; allowed: {NumberOption.Seeds}";
        }
        TargetPrecision? precision = null;
        if (form.Metric.Length > 0 || form.HalfWidth.Length > 0)
        {
            if (!double.TryParse(form.HalfWidth, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var halfWidth) || !(halfWidth > 0) || !double.IsFinite(halfWidth))
            {
                problems["halfwidth"] = $"'{form.HalfWidth}' is not allowed; allowed: a number > 0 in the outcome's unit (thousands separators allowed: 40,000)";
            }
            if (scenario is { Problem: null } && MetricProblem(scenario, form.Metric) is { } wrong)
            {
                problems["metric"] = wrong;
            }
            precision = new TargetPrecision(form.Metric, halfWidth, TargetPrecision.MinimumRunsWithin(TargetPrecision.DefaultMinimumRuns, runs));
        }
        if (problems.Count > 0)
        {
            return Form(context, library, jobs, form, problems, StatusCodes.Status400BadRequest);
        }
        var job = jobs.Start(scenario!, runs, seed, precision, posted["submission"].ToString());
        return Results.Redirect($"/experiments/{U(job.Id)}/progress");
    }

    private static string? MetricProblem(ScenarioFile scenario, string metric)
    {
        if (metric.Length == 0)
        {
            return "Name the outcome, a column of runs.csv, e.g. unmet_hours_total";
        }
        try
        {
            var schema = ScenarioCompiler.Compile(ScenarioLoader.LoadUncertain(scenario.Path)).Schema;
            Statistics.OutcomeLookup.ColumnOrThrow(schema, metric, scenario.FileName, "outcome");
            return null;
        }
        catch (ScenarioException ex)
        {
            return ex.Problems[0].Message;
        }
    }

    private static IResult Progress(HttpContext context, ExperimentJobs jobs, ExperimentsFolder folder, string id)
    {
        if (jobs.Find(id) is not { } job)
        {
            return folder.Find(id) is not null ? Results.Redirect($"/experiments/{U(id)}") : NotFound($"There is no experiment {id}.");
        }
        if (job.State == JobState.Done && folder.Find(id) is null)
        {
            return ResultPages.Gone(folder, id);
        }
        // The page shows where the experiment is now, so it is right without its script (or before the first event).
        var now = RunProgress.Of(job);
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(job.Scenario.Name)).Append("</h1><p class=\"muted\">")
            .Append(job.Runs.ToString("N0", CultureInfo.InvariantCulture)).Append(" runs, seed ").Append(job.Seed).Append(", experiment ").Append(E(job.Id)).Append("</p>")
            .Append("<div id=\"progress\" data-id=\"").Append(E(job.Id)).Append("\"><progress id=\"bar\" aria-label=\"Runs done\" max=\"100\" value=\"").Append(now.Percent).Append("\"></progress>")
            .Append("<p><strong id=\"percent\">").Append(now.Percent).Append("%</strong> · <span id=\"done\">").Append(E(now.DoneText)).Append("</span>")
            .Append(" · <span id=\"rate\">").Append(E(now.RateText)).Append("</span><span id=\"left-part\"").Append(now.LeftText.Length == 0 ? " hidden" : "").Append("> · <span id=\"left\">").Append(E(now.LeftText)).Append("</span></span></p>")
            .Append("<p id=\"estimate\" class=\"muted\">").Append(E(now.EstimateText.Length > 0 ? now.EstimateText : "The running estimate appears once the first runs are back.")).Append("</p>")
            .Append("<p id=\"status\" role=\"status\">").Append(E(now.StatusText));
        if (now.State == "done")
        {
            html.Append(" <a href=\"/experiments/").Append(U(job.Id)).Append("\" class=\"button\" id=\"results-link\">See the results</a>");
        }
        html.Append("</p></div>");
        if (now.State == "running")
        {
            html.Append("<div id=\"controls\"><form method=\"post\" action=\"/experiments/").Append(U(job.Id)).Append("/stop\" style=\"display:inline\">").Append(Antiforgery(context))
                .Append("<button type=\"submit\" class=\"secondary\" title=\"Write the runs done so far, the first ones in run order, as a complete results folder\">Stop and keep the runs done</button></form> ")
                .Append("<form method=\"get\" action=\"/experiments/").Append(U(job.Id)).Append("/cancel\" id=\"cancel\" style=\"display:inline\">")
                .Append("<button type=\"submit\" class=\"secondary\" title=\"Stop and write nothing (asks first)\">Cancel</button></form></div>");
        }
        return Html("Running " + job.Scenario.Name, html.ToString(), "/run", script: "/workbench/run.js");
    }

    /// <summary>The step before Cancel, a page rather than a script's dialog, so that it asks without JavaScript too.</summary>
    private static IResult ConfirmCancel(HttpContext context, ExperimentJobs jobs, string id)
    {
        if (jobs.Find(id) is not { } job)
        {
            return NotFound($"There is no running experiment {id}.");
        }
        if (job.State != JobState.Running)
        {
            return Results.Redirect($"/experiments/{U(id)}/progress");
        }
        var html = new StringBuilder("<h1>Cancel ").Append(E(job.Scenario.Name)).Append("?</h1><p>")
            .Append(E(RunProgress.Of(job).DoneText)).Append(" are done. Cancelling stops the runs and writes nothing: the runs done are lost. To keep them as a results folder, go back and choose Stop and keep the runs done.</p>")
            .Append("<form method=\"post\" action=\"/experiments/").Append(U(id)).Append("/cancel\" style=\"display:inline\">").Append(Antiforgery(context))
            .Append("<button type=\"submit\">Yes, cancel and write nothing</button></form> ")
            .Append("<a href=\"/experiments/").Append(U(id)).Append("/progress\" class=\"button secondary\">No, keep it running</a>");
        return Html("Cancel " + job.Scenario.Name, html.ToString(), "/run");
    }

    private static async Task<IResult> Act(HttpContext context, ExperimentJobs jobs, string id, Action<ExperimentJob> action)
    {
        if (await ReadForm(context) is null)
        {
            return BadForm();
        }
        if (jobs.Find(id) is not { } job)
        {
            return NotFound($"There is no running experiment {id}.");
        }
        action(job);
        return Results.Redirect($"/experiments/{U(id)}/progress");
    }

    /// <summary>The job's state every quarter of a second until it ends (then once more, with how it ended).</summary>
    private static async IAsyncEnumerable<RunProgress> Events(ExperimentJob job, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            var state = job.State;
            yield return RunProgress.Of(job);
            if (state != JobState.Running)
            {
                yield break;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private const string Script = """
        "use strict";
        (() => {
          const box = document.getElementById("progress");
          const id = box.dataset.id;
          const set = (name, text) => { document.getElementById(name).textContent = text; };
          const events = new EventSource("/experiments/" + encodeURIComponent(id) + "/events");
          events.addEventListener("progress", (e) => {
            const p = JSON.parse(e.data);
            document.getElementById("bar").value = p.percent;
            set("percent", p.percent + "%");
            set("done", p.doneText);
            set("rate", p.rateText);
            set("left", p.leftText);
            document.getElementById("left-part").hidden = !p.leftText;
            if (p.estimateText) { set("estimate", p.estimateText); }
            set("status", p.statusText);
            if (p.state !== "running") {
              events.close();
              document.getElementById("controls")?.remove();
              if (p.state === "done" && !document.getElementById("results-link")) {
                const link = document.createElement("a");
                link.href = "/experiments/" + encodeURIComponent(id);
                link.textContent = "See the results";
                link.className = "button";
                link.id = "results-link";
                document.getElementById("status").append(" ", link);
              }
            }
          });
          events.onerror = () => { set("status", "Lost contact with the workbench; reload the page to see where the experiment is."); };
        })();
        """;
}
