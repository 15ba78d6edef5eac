using System.Text;
using MarketSim.Simulator.Workbench.Levers;
using MarketSim.Simulator.Workbench.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static MarketSim.Simulator.Workbench.Pages.Page;

namespace MarketSim.Simulator.Workbench.Pages;

/// <summary>
/// The Levers page: a form over the values strategy and finance users change, checked by the scenario validator
/// with its messages beside each field, and saved as a variant (<c>base:</c> plus the changes) among the user's
/// scenarios, which `marketsim run` can run. A bundled base is copied beside the variant first (with its own bases).
/// </summary>
internal static class LeverPages
{
    // The form field of the variant's name, and the key of its problem (a lever's key always holds a dot).
    private const string VariantName = "variant-name";

    public static void Map(WebApplication app)
    {
        app.MapGet("/levers/{source}/{file}", (string source, string file, HttpContext context, ScenarioLibrary library) =>
            library.Find(source, file) is { Problem: null } scenario ? Form(context, scenario, null, null, null) : NotFound($"There is no valid scenario {source}/{file}."));
        app.MapPost("/levers/{source}/{file}", (string source, string file, HttpContext context, ScenarioLibrary library, ExperimentsFolder experiments, ILogger<WorkbenchServer> log) =>
            Save(context, library, experiments, log, source, file));
    }

    private static IResult Form(HttpContext context, ScenarioFile scenario, IReadOnlyDictionary<string, string>? typed, IReadOnlyDictionary<string, string>? problems, string? variantName, int status = StatusCodes.Status200OK)
    {
        var levers = ScenarioLevers.Read(scenario.Path);
        var html = new StringBuilder();
        html.Append("<h1>Levers: ").Append(E(scenario.Name)).Append("</h1><p>Change the values below and save: the changes become a variant of ").Append(E(scenario.FileName))
            .Append(" among your scenarios (a file that says <code>base: ").Append(E(scenario.FileName)).Append("</code> and holds only what changed). Each value is checked by the same validator as <code>marketsim validate</code>.</p>");
        if (problems is not null && problems.TryGetValue("", out var general))
        {
            html.Append("<div class=\"warning\" id=\"problems\">").Append(E(general).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</div>");
        }
        else if (problems is { Count: > 0 })
        {
            html.Append("<p class=\"warning\" id=\"problems\">Some values are not allowed; see the messages beside them. Nothing was saved.</p>");
        }
        html.Append("<form class=\"stack\" method=\"post\" action=\"/levers/").Append(U(scenario.Source)).Append('/').Append(U(scenario.FileName)).Append("\">").Append(Antiforgery(context))
            .Append("<label for=\"variant-name\">Name of the variant</label><input type=\"text\" id=\"variant-name\" name=\"variant-name\" value=\"")
            .Append(E(variantName ?? $"{scenario.Name} (variant)")).Append('"');
        if (problems is not null && problems.TryGetValue(VariantName, out var unnamed))
        {
            html.Append(" class=\"invalid\" aria-invalid=\"true\" aria-describedby=\"variant-name-problem\"><div class=\"error\" id=\"variant-name-problem\">").Append(E(unnamed)).Append("</div>");
        }
        else
        {
            html.Append('>');
        }
        foreach (var group in ScenarioLevers.Groups)
        {
            var inGroup = levers.Where(l => l.Group == group).ToList();
            if (inGroup.Count == 0)
            {
                continue;
            }
            html.Append("<fieldset class=\"levers\"><legend>").Append(E(group)).Append("</legend>");
            foreach (var lever in inGroup)
            {
                var id = "lever-" + lever.Key;
                var value = typed is not null && typed.TryGetValue(lever.Key, out var t) ? t : ScenarioLevers.Shown(lever);
                var problem = problems is not null && problems.TryGetValue(lever.Key, out var p) ? p : null;
                html.Append("<div class=\"lever\"><label for=\"").Append(E(id)).Append("\">").Append(E(lever.Label)).Append(" <span class=\"hint\">").Append(E(lever.Unit)).Append("</span></label>")
                    .Append("<input type=\"text\" id=\"").Append(E(id)).Append("\" name=\"").Append(E(lever.Key)).Append('"')
                    .Append(lever.InputMode is { } mode ? $" inputmode=\"{E(mode)}\"" : "").Append(" value=\"").Append(E(value)).Append('"')
                    .Append(problem is null ? "" : $" class=\"invalid\" aria-invalid=\"true\" aria-describedby=\"{E(id)}-problem\"").Append('>');
                if (problem is not null)
                {
                    html.Append("<div class=\"error\" id=\"").Append(E(id)).Append("-problem\">").Append(E(problem).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</div>");
                }
                if (lever.Source is { Length: > 0 } source)
                {
                    html.Append("<div class=\"muted\">Source: ").Append(E(source)).Append("</div>");
                }
                html.Append("</div>");
            }
            html.Append("</fieldset>");
        }
        html.Append("<button type=\"submit\">Check and save as a variant</button></form>");
        return Html("Levers: " + scenario.Name, html.ToString(), "/scenarios", status);
    }

    private static async Task<IResult> Save(HttpContext context, ScenarioLibrary library, ExperimentsFolder experiments, ILogger log, string source, string file)
    {
        if (await ReadForm(context) is not { } form)
        {
            return BadForm();
        }
        if (library.Find(source, file) is not { Problem: null } scenario)
        {
            return NotFound($"There is no valid scenario {source}/{file}.");
        }
        var keys = ScenarioLevers.Read(scenario.Path).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var values = form.Keys.Where(keys.Contains).ToDictionary(k => k, k => form[k].ToString().Trim(), StringComparer.Ordinal);
        var name = form["variant-name"].ToString().Trim();
        if (name.Length == 0)
        {
            return Form(context, scenario, values, new Dictionary<string, string> { [VariantName] = "Name the variant; allowed: any words, such as Higher rate, £15.50/hour." }, name, StatusCodes.Status400BadRequest);
        }
        try
        {
            return await Save(context, library, experiments, scenario, values, name);
        }
        catch (Exception ex) when (FileFailure.Is(ex))
        {
            // The scratch or the user's scenarios folder cannot be written (or read): say which variant and why, without the server's path, which goes to the log.
            var why = FileFailure.Describe(ex, $"Variant '{name}' was not saved: the workbench could not write it among your scenarios", log);
            return Form(context, scenario, values, new Dictionary<string, string> { [""] = why + "." }, name, StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>Checks the levers' <paramref name="values"/> against <paramref name="scenario"/> and saves them as the variant <paramref name="name"/> when valid.</summary>
    private static async Task<IResult> Save(HttpContext context, ScenarioLibrary library, ExperimentsFolder experiments, ScenarioFile scenario, Dictionary<string, string> values, string name)
    {
        // A bundled base is checked where it is kept and copied beside the variant only when the variant is saved.
        var scratch = scenario.Source == ScenarioFile.Bundled ? BundledChain.CheckingCopy(library, experiments, scenario) : null;
        LeverCheck check;
        try
        {
            check = ScenarioLevers.Check(scratch is null ? scenario.Path : Path.Combine(scratch, scenario.FileName), name, values);
        }
        finally
        {
            if (scratch is not null)
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
        if (!check.IsValid)
        {
            return Form(context, scenario, values, check.Problems, name, StatusCodes.Status400BadRequest);
        }
        if (scenario.Source == ScenarioFile.Bundled && BundledChain.CopyToMine(library, scenario, "save again") is { } clash)
        {
            return Form(context, scenario, values, new Dictionary<string, string> { [""] = clash }, name, StatusCodes.Status409Conflict);
        }
        var variant = library.FreeName(ScenarioPages.Slug(name, "variant"));
        var path = Path.Combine(library.MineFolder, variant);
        using (var created = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(created, new UTF8Encoding(false)))
        {
            await writer.WriteAsync(check.Yaml);
        }
        return Results.Redirect($"/scenarios/{ScenarioFile.Mine}/{U(variant)}?saved=1");
    }
}
