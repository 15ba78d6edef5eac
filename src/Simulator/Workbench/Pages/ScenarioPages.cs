using System.Text;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static MarketSim.Simulator.Workbench.Pages.Page;

namespace MarketSim.Simulator.Workbench.Pages;

/// <summary>The Scenarios pages: the bundled and the user's scenarios, one shown readably with every value's source, and uploads.</summary>
internal static class ScenarioPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/scenarios", (HttpContext context, ScenarioLibrary library) => List(context, library, null));
        app.MapGet("/scenarios/{source}/{file}", (string source, string file, int? saved, ScenarioLibrary library) => Show(library, source, file, saved == 1));
        app.MapPost("/scenarios/upload", (HttpContext context, ScenarioLibrary library, ExperimentsFolder experiments, ILogger<WorkbenchServer> log) => Upload(context, library, experiments, log));
    }

    // The upload's problem, when there is one, is HTML; it heads the page, and the file field is marked invalid and described by it.
    private static IResult List(HttpContext context, ScenarioLibrary library, string? uploadProblem, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder("<h1>Scenarios</h1>");
        if (uploadProblem is not null)
        {
            html.Append("<div id=\"file-problem\">").Append(uploadProblem).Append("</div>");
        }
        var all = library.List();
        foreach (var (source, heading, note) in new[]
        {
            (ScenarioFile.Bundled, "Bundled scenarios", "Built from public papers, every value with its source. Read-only: change one with its levers and save it as your own variant."),
            (ScenarioFile.Mine, "Your scenarios", $"Kept in {library.MineFolder}; `marketsim run` runs them too."),
        })
        {
            html.Append("<h2>").Append(E(heading)).Append("</h2><p class=\"muted\">").Append(E(note)).Append("</p><ul class=\"cards\">");
            var files = all.Where(f => f.Source == source).ToList();
            if (files.Count == 0)
            {
                html.Append("<li class=\"muted\">None yet.</li>");
            }
            foreach (var f in files)
            {
                var href = $"/scenarios/{U(f.Source)}/{U(f.FileName)}";
                html.Append("<li><a href=\"").Append(href).Append("\"><strong>").Append(E(f.Name)).Append("</strong></a> <span class=\"muted\">")
                    .Append(E(f.FileName)).Append(f.Base is null ? "" : $" — a variant of {E(f.Base)}").Append("</span>");
                if (f.Problem is not null)
                {
                    html.Append("<div class=\"error\">Does not load: ").Append(E(f.Problem)).Append("</div>");
                }
                else
                {
                    html.Append("<div>").Append(E(Shorten(f.Description))).Append("</div><div><a href=\"/levers/").Append(U(f.Source)).Append('/').Append(U(f.FileName))
                        .Append("\">Change levers</a> · <a href=\"/run?scenario=").Append(U(f.Key)).Append("\">Run</a></div>");
                }
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        html.Append("<h2>Upload a scenario</h2><form class=\"stack\" method=\"post\" action=\"/scenarios/upload\" enctype=\"multipart/form-data\">")
            .Append(Antiforgery(context))
            .Append("<label for=\"file\">Scenario file (YAML, at most ").Append(WorkbenchOptions.MaxUploadBytes / 1024).Append(" KB) <span class=\"hint\">see docs/scenario-format.md; it is checked by the same validator as `marketsim validate`</span></label>")
            .Append("<input id=\"file\" type=\"file\" name=\"file\" accept=\".yaml,.yml\" required").Append(uploadProblem is null ? "" : " aria-invalid=\"true\" aria-describedby=\"file-problem\"")
            .Append("><br><button type=\"submit\">Upload</button></form>");
        return Html("Scenarios", html.ToString(), "/scenarios", status);
    }

    private static IResult Show(ScenarioLibrary library, string source, string file, bool saved)
    {
        if (library.Find(source, file) is not { } scenario)
        {
            return NotFound($"There is no scenario {source}/{file}.");
        }
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(scenario.Name)).Append("</h1><p class=\"muted\">").Append(E(scenario.Source == ScenarioFile.Bundled ? "Bundled scenario" : "Your scenario"))
            .Append(", file ").Append(E(scenario.FileName)).Append(scenario.Base is null ? "" : $", a variant of {E(scenario.Base)}").Append("</p>");
        if (saved)
        {
            html.Append("<p class=\"ok\" id=\"saved\">Saved as ").Append(E(scenario.Path)).Append(". The command line runs it too: <code>marketsim run ").Append(E(scenario.Path)).Append("</code></p>");
        }
        if (scenario.Description.Length > 0)
        {
            html.Append("<p>").Append(E(scenario.Description)).Append("</p>");
        }
        if (scenario.Problem is not null)
        {
            html.Append("<p class=\"warning\">This scenario does not load: ").Append(E(scenario.Problem)).Append("</p>");
        }
        else
        {
            html.Append("<p><a class=\"button\" href=\"/run?scenario=").Append(U(scenario.Key)).Append("\">Run it</a> <a class=\"button secondary\" href=\"/levers/")
                .Append(U(scenario.Source)).Append('/').Append(U(scenario.FileName)).Append("\">Change its levers</a></p>");
            var yaml = ScenarioLoader.EffectiveYaml(scenario.Path);
            html.Append("<div class=\"scroll\">").Append(AssumptionsHtml.Section(yaml, ScenarioLoader.Load(scenario.Path), folded: false)).Append("</div>");
        }
        html.Append("<details><summary>The file as written</summary><pre>").Append(E(File.ReadAllText(scenario.Path))).Append("</pre></details>");
        return Html(scenario.Name, html.ToString(), "/scenarios");
    }

    private static async Task<IResult> Upload(HttpContext context, ScenarioLibrary library, ExperimentsFolder experiments, ILogger log)
    {
        if (context.Request.ContentLength > WorkbenchOptions.MaxRequestBytes)
        {
            return TooLarge(context, library);
        }
        IFormCollection? form;
        try
        {
            form = await ReadForm(context);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException or Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException)
        {
            // Kestrel stops reading a body past its limit (chunked uploads have no length to check first).
            return TooLarge(context, library);
        }
        if (form is null)
        {
            return BadForm();
        }
        if (form.Files["file"] is not { } upload)
        {
            return List(context, library, "<p class=\"error\">Choose a scenario file (YAML) to upload.</p>", StatusCodes.Status400BadRequest);
        }
        if (upload.Length == 0)
        {
            return List(context, library, $"<p class=\"error\">{E(Path.GetFileName(upload.FileName))} is empty; allowed: a scenario file (YAML) with its fields.</p>", StatusCodes.Status400BadRequest);
        }
        if (upload.Length > WorkbenchOptions.MaxUploadBytes)
        {
            return TooLarge(context, library);
        }
        string text;
        using (var reader = new StreamReader(upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                text = await reader.ReadToEndAsync();
            }
            catch (DecoderFallbackException)
            {
                return List(context, library, "<p class=\"error\">The file is not UTF-8 text; allowed: a scenario in YAML.</p>", StatusCodes.Status400BadRequest);
            }
        }
        try
        {
            return await Save(context, library, experiments, upload.FileName, text);
        }
        catch (Exception ex) when (FileFailure.Is(ex))
        {
            // The user's scenarios folder cannot be written (or read): say which upload and why, without the server's path, which goes to the log.
            var why = FileFailure.Describe(ex, $"{Path.GetFileName(upload.FileName)} was not saved: the workbench could not write it among your scenarios", log);
            return List(context, library, $"<p class=\"error\">{E(why)}.</p>", StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>Checks the uploaded <paramref name="text"/> (its file named <paramref name="fileName"/> on the user's machine) and saves it among the user's scenarios when valid.</summary>
    private static async Task<IResult> Save(HttpContext context, ScenarioLibrary library, ExperimentsFolder experiments, string fileName, string text)
    {
        var stem = Stem(fileName);
        var checking = Path.Combine(library.MineFolder, $".upload-{Guid.NewGuid():N}.yaml");
        try
        {
            await File.WriteAllTextAsync(checking, text);
            var bundledBase = BundledChain.BaseOf(library, checking);
            var problems = bundledBase is null ? ScenarioLoader.TryLoad(checking).Problems : BesideBundledBase(library, experiments, bundledBase, text, checking);
            if (problems.Count > 0)
            {
                var list = string.Join("", problems.Select(p => $"<li>{E(p.ToString().Replace(checking, fileName, StringComparison.Ordinal))}</li>"));
                return List(context, library, $"<div class=\"warning\"><p>{E(fileName)} was not saved: the validator found these problems.</p><ul>{list}</ul></div>", StatusCodes.Status400BadRequest);
            }
            if (bundledBase is not null && BundledChain.CopyToMine(library, bundledBase, "upload it again") is { } clash)
            {
                return List(context, library, $"<p class=\"error\">{E(fileName)} was not saved: {E(clash)}</p>", StatusCodes.Status409Conflict);
            }
            var name = library.FreeName(stem);
            File.Move(checking, Path.Combine(library.MineFolder, name));
            return Results.Redirect($"/scenarios/{ScenarioFile.Mine}/{U(name)}", permanent: false);
        }
        finally
        {
            // Asked first, so that a folder the file could not be written in (a file in its place) leaves the first failure to be reported.
            if (File.Exists(checking))
            {
                File.Delete(checking);
            }
        }
    }

    /// <summary>
    /// Checks an upload that is a variant of a bundled scenario beside a scratch copy of that scenario and its bases, as the
    /// Levers page checks its variants; problems name the upload's checking path, as a plain check's do.
    /// </summary>
    private static IReadOnlyList<ScenarioProblem> BesideBundledBase(ScenarioLibrary library, ExperimentsFolder experiments, ScenarioFile bundledBase, string text, string checking)
    {
        var scratch = BundledChain.CheckingCopy(library, experiments, bundledBase);
        try
        {
            var copy = Path.Combine(scratch, Path.GetFileName(checking));
            File.WriteAllText(copy, text);
            return [.. ScenarioLoader.TryLoad(copy).Problems.Select(p => p with { File = p.File.Replace(copy, checking, StringComparison.Ordinal), Message = p.Message.Replace(copy, checking, StringComparison.Ordinal) })];
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static IResult TooLarge(HttpContext context, ScenarioLibrary library) =>
        List(context, library, $"<p class=\"error\">The file is too large; allowed: a scenario file of at most {WorkbenchOptions.MaxUploadBytes / 1024} KB.</p>", StatusCodes.Status413PayloadTooLarge);

    /// <summary>A plain file-name stem from an uploaded file's name: letters, digits and dashes.</summary>
    internal static string Stem(string uploaded) => Slug(Path.GetFileNameWithoutExtension(Path.GetFileName(uploaded.Replace('\\', '/'))), "uploaded");

    /// <summary>
    /// A plain file-name stem from free text such as a variant's name ("Lead exit, £15.50/hour" gives lead-exit-15-50-hour):
    /// lower-case ASCII letters and digits, every other run of characters one dash, at most 60 characters; <paramref name="otherwise"/> when none is left.
    /// </summary>
    internal static string Slug(string text, string otherwise) => RunEngine.Slug(text, 60, otherwise);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..297] + "…";
}
