using System.Globalization;
using System.Text.Json;
using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Workbench.Library;

/// <summary>A complete results folder in the experiments folder, as its manifest and summary describe it.</summary>
/// <param name="Id">The folder's name, which is the experiment's id in the workbench.</param>
/// <param name="Folder">The folder, absolute.</param>
/// <param name="ScenarioName">The scenario's name (from summary.json).</param>
/// <param name="Seed">The experiment seed.</param>
/// <param name="Runs">The runs done.</param>
/// <param name="StopReason">Why it stopped (a fixed number of runs, a precision target, an interruption).</param>
/// <param name="Finished">When its runs started plus how long they took, UTC.</param>
public sealed record StoredExperiment(string Id, string Folder, string ScenarioName, ulong Seed, long Runs, string StopReason, DateTimeOffset Finished)
{
    /// <summary>The files the manifest lists (relative, with '/'), which are the files MarketSim wrote into the folder, sorted.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Reads <paramref name="folder"/>'s manifest.json and summary.json; null when MarketSim did not write the manifest or it is unreadable.</summary>
    public static StoredExperiment? Read(string id, string folder)
    {
        if (OwnedFiles.Listed(folder) is not { } files)
        {
            return null;
        }
        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, Manifest.FileName)));
            var root = manifest.RootElement;
            var name = Path.GetFileName(folder);
            var summaryPath = Path.Combine(folder, "summary.json");
            if (File.Exists(summaryPath))
            {
                using var summary = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
                name = summary.RootElement.TryGetProperty("scenario", out var s) ? s.GetString() ?? name : name;
            }
            var started = root.TryGetProperty("started_utc", out var at) && DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : Directory.GetLastWriteTimeUtc(folder);
            var elapsed = root.TryGetProperty("elapsed_seconds", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : 0;
            return new StoredExperiment(
                id,
                folder,
                name,
                root.TryGetProperty("seed", out var seed) ? seed.GetUInt64() : 0,
                root.TryGetProperty("runs", out var runs) ? runs.GetInt64() : 0,
                root.TryGetProperty("stop_reason", out var why) ? why.GetString() ?? "" : "",
                After(started, elapsed))
            {
                Files = [.. files.Order(StringComparer.Ordinal)],
            };
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary><paramref name="started"/> plus <paramref name="elapsedSeconds"/>; <paramref name="started"/> alone for an elapsed time that is negative or past the calendar's end (an edited manifest).</summary>
    private static DateTimeOffset After(DateTimeOffset started, double elapsedSeconds) =>
        elapsedSeconds > 0 && elapsedSeconds < (DateTimeOffset.MaxValue - started).TotalSeconds - 1 ? started + TimeSpan.FromSeconds(elapsedSeconds) : started;

    /// <summary>The listed files <see cref="ListedFile"/> serves, sorted: a tampered manifest's other entries left out.</summary>
    public IEnumerable<string> ServedFiles => Files.Where(f => ListedFile(f) is not null);

    /// <summary>
    /// The path of <paramref name="file"/> when the manifest lists it and it is a regular file inside the folder: a
    /// relative path without '.', '..', empty steps or a NUL character, reached through no link, so no request reaches another file.
    /// Otherwise null. The download of one file and the zip of the folder both ask this.
    /// </summary>
    public string? ListedFile(string file)
    {
        if (!Files.Contains(file, StringComparer.Ordinal) || file.Length == 0 || Path.IsPathRooted(file) || file.Contains('\\', StringComparison.Ordinal) || file.Contains('\0', StringComparison.Ordinal)
            || file.Split('/').Any(step => step is "" or "." or ".."))
        {
            return null;
        }
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Folder));
        var path = Path.GetFullPath(Path.Combine(folder, file));
        if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }
        var info = new FileInfo(path);
        if (!info.Exists || IsLink(info))
        {
            return null;
        }
        for (var step = info.Directory; step is not null && step.FullName.Length > folder.Length; step = step.Parent)
        {
            if (IsLink(step))
            {
                return null;
            }
        }
        return path;
    }

    private static bool IsLink(FileSystemInfo entry) => entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint);
}
