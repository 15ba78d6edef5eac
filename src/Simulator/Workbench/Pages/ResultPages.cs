using System.Globalization;
using System.IO.Compression;
using System.Text;
using MarketSim.Simulator.Workbench.Jobs;
using MarketSim.Simulator.Workbench.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static MarketSim.Simulator.Workbench.Pages.Page;

namespace MarketSim.Simulator.Workbench.Pages;

/// <summary>
/// The Results pages: every experiment in the experiments folder, and one experiment's report as pages (its
/// sections, with the charts and the provider and zone tables), with downloads of the folder (zip), results.xlsx,
/// the CSV files and the PNG charts. Only files the folder's manifest lists are served.
/// </summary>
internal static class ResultPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/experiments", (ExperimentsFolder folder, ExperimentJobs jobs) => List(folder, jobs));
        // A section that is not a number (an edited address) shows the first, as one out of range shows the nearest.
        app.MapGet("/experiments/{id}", (string id, string? section, ExperimentsFolder folder, ExperimentJobs jobs) =>
            Show(folder, jobs, id, int.TryParse(section, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0));
        app.MapGet("/experiments/{id}/download.zip", (string id, ExperimentsFolder folder) => Zip(folder, id));
        app.MapGet("/experiments/{id}/files/{**file}", (string id, string file, ExperimentsFolder folder) => Download(folder, id, file));
    }

    private static IResult List(ExperimentsFolder folder, ExperimentJobs jobs)
    {
        var html = new StringBuilder("<h1>Results</h1><p class=\"muted\">Every complete results folder in ").Append(E(folder.Root))
            .Append(", newest first, whether the workbench or <code>marketsim run --out</code> wrote it.</p>");
        foreach (var job in jobs.Running)
        {
            html.Append("<p class=\"ok\">Running: <a href=\"/experiments/").Append(U(job.Id)).Append("/progress\">").Append(E(job.Scenario.Name)).Append("</a></p>");
        }
        var experiments = folder.List();
        var unlisted = Unlisted(folder, experiments);
        if (experiments.Count == 0)
        {
            html.Append("<p>No experiments yet. <a href=\"/run\">Run one</a>.</p>").Append(unlisted);
            return Html("Results", html.ToString(), "/experiments");
        }
        html.Append("<div class=\"scroll\"><table><tr><th>Experiment</th><th>Scenario</th><th>Runs</th><th>Seed</th><th>Finished (UTC)</th><th>Why it stopped</th></tr>");
        foreach (var e in experiments)
        {
            html.Append("<tr><td><a href=\"/experiments/").Append(U(e.Id)).Append("\">").Append(E(e.Id)).Append("</a></td><td>").Append(E(e.ScenarioName))
                .Append("</td><td>").Append(e.Runs.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td>").Append(e.Seed)
                .Append("</td><td>").Append(e.Finished.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(e.StopReason)).Append("</td></tr>");
        }
        html.Append("</table></div>").Append(unlisted).Append("<p><a href=\"/compare\">Compare experiments</a></p>");
        return Html("Results", html.ToString(), "/experiments");
    }

    /// <summary>A note naming the results folders here the list leaves out, and why; empty when there are none.</summary>
    private static string Unlisted(ExperimentsFolder folder, IReadOnlyList<StoredExperiment> listed)
    {
        var unlisted = folder.Unlisted(listed);
        if (unlisted.Count == 0)
        {
            return "";
        }
        var badNames = unlisted.Where(u => u.BadName).Select(u => $"<code>{E(u.Name)}</code>").ToList();
        var unreadable = unlisted.Where(u => !u.BadName).Select(u => $"<code>{E(u.Name)}</code>").ToList();
        var html = new StringBuilder("<p class=\"warning\" id=\"unlisted\">Not shown: ");
        if (badNames.Count > 0)
        {
            html.Append(string.Join(", ", badNames)).Append(badNames.Count == 1 ? ", whose name uses" : ", whose names use")
                .Append(" characters other than letters, digits, <code>.</code>, <code>_</code> and <code>-</code> (rename the folder to list it here)");
        }
        if (unreadable.Count > 0)
        {
            html.Append(badNames.Count > 0 ? "; " : "").Append(string.Join(", ", unreadable))
                .Append(", whose <code>manifest.json</code> or <code>summary.json</code> cannot be read");
        }
        return html.Append(".</p>").ToString();
    }

    private static IResult Show(ExperimentsFolder folder, ExperimentJobs jobs, string id, int section)
    {
        if (folder.Find(id) is not { } experiment)
        {
            return jobs.Find(id) switch
            {
                { State: JobState.Done } => Gone(folder, id),
                { } => Results.Redirect($"/experiments/{U(id)}/progress"),
                null => NotFound($"There is no experiment {id}."),
            };
        }
        var report = experiment.ListedFile("report.html") is { } path ? ReportSections.Read(path) : null;
        var html = new StringBuilder();
        if (report is null)
        {
            html.Append("<h1>").Append(E(experiment.ScenarioName)).Append("</h1><p class=\"warning\">This folder has no report.html.</p>");
        }
        else
        {
            section = Math.Clamp(section, 0, report.Sections.Count - 1);
            html.Append(report.Intro).Append("<nav class=\"sections\" aria-label=\"Report sections\">");
            for (var i = 0; i < report.Sections.Count; i++)
            {
                html.Append(i == section ? "<strong aria-current=\"page\">" : $"<a href=\"/experiments/{U(id)}?section={i}\">").Append(E(report.Sections[i].Title)).Append(i == section ? "</strong>" : "</a>");
            }
            html.Append("</nav><div class=\"scroll\">").Append(report.Sections[section].Html).Append("</div>");
        }
        Downloads(html, experiment);
        return Html(experiment.ScenarioName, html.ToString(), "/experiments");
    }

    /// <summary>The answer for an experiment this workbench finished whose results folder was removed (or its manifest) since.</summary>
    internal static IResult Gone(ExperimentsFolder folder, string id) =>
        Html(
            "Results folder removed",
            $"<h1>Results folder removed</h1><p>Experiment {E(id)} finished, but its results folder is no longer there: {E(Path.Combine(folder.Root, id))} was removed or moved, or its manifest.json was.</p><p><a href=\"/experiments\">See the experiments there are</a></p>",
            status: StatusCodes.Status404NotFound);

    private static void Downloads(StringBuilder html, StoredExperiment experiment)
    {
        var files = experiment.ServedFiles.ToList();
        var id = U(experiment.Id);
        html.Append("<h2 id=\"downloads\">Downloads</h2><p><a class=\"button\" href=\"/experiments/").Append(id).Append("/download.zip\" download>The whole results folder (zip)</a> ");
        foreach (var (file, label) in new[] { ("results.xlsx", "results.xlsx (Excel)"), ("runs.csv", "runs.csv"), ("report.html", "report.html") })
        {
            if (files.Contains(file))
            {
                html.Append("<a class=\"button secondary\" href=\"/experiments/").Append(id).Append("/files/").Append(file).Append("\" download>").Append(E(label)).Append("</a> ");
            }
        }
        html.Append("</p><details><summary>Every file, and the charts as PNG</summary><ul>");
        foreach (var file in files)
        {
            html.Append("<li><a href=\"/experiments/").Append(id).Append("/files/").Append(string.Join('/', file.Split('/').Select(U))).Append("\" download>").Append(E(file)).Append("</a></li>");
        }
        html.Append("</ul></details>");
    }

    private static IResult Download(ExperimentsFolder folder, string id, string file)
    {
        if (folder.Find(id)?.ListedFile(file) is not { } path)
        {
            return NotFound($"There is no file {file} in experiment {id}.");
        }
        // Named after the experiment too, so that downloads from several experiments do not all arrive as runs.csv.
        return Results.File(path, ContentType(file), $"{id}-{Path.GetFileName(file)}");
    }

    private static IResult Zip(ExperimentsFolder folder, string id)
    {
        if (folder.Find(id) is not { } experiment)
        {
            return NotFound($"There is no experiment {id}.");
        }
        var zipPath = folder.ScratchPath($"{experiment.Id}.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var file in experiment.Files)
            {
                if (experiment.ListedFile(file) is { } path)
                {
                    zip.CreateEntryFromFile(path, $"{experiment.Id}/{file}", CompressionLevel.Fastest);
                }
            }
        }
        var stream = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return Results.File(stream, "application/zip", $"{experiment.Id}.zip");
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        ".csv" => "text/csv; charset=utf-8",
        ".json" => "application/json",
        ".html" => "text/html; charset=utf-8",
        ".yaml" => "text/yaml; charset=utf-8",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".parquet" => "application/vnd.apache.parquet",
        _ => "application/octet-stream",
    };
}
