using System.Text.Json;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// What MarketSim may delete: a results folder's own files, as its manifest lists them, and its own
/// staging folders (marked when created). Nothing else is ever deleted.
/// </summary>
internal static class OwnedFiles
{
    /// <summary>Every file under <paramref name="folder"/>, as relative paths with '/' separators, sorted.</summary>
    public static List<string> List(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>Why <paramref name="folder"/> is not a results folder MarketSim wrote, or null when it is.</summary>
    public static string? WhyNotOwned(string folder)
    {
        if (Listed(folder) is not { } own)
        {
            return $"MarketSim did not write it (it has no {Manifest.FileName} saying so)";
        }
        var foreign = Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Where(e => !Directory.Exists(e) || new DirectoryInfo(e).LinkTarget is not null)
            .Select(e => Path.GetRelativePath(folder, e).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !own.Contains(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        return foreign.Count == 0
            ? null
            : $"it holds {foreign.Count} file{(foreign.Count == 1 ? "" : "s")} MarketSim did not write ({string.Join(", ", foreign.Take(3))}{(foreign.Count > 3 ? ", …" : "")})";
    }

    /// <summary>Deletes the files a MarketSim results folder's manifest lists, then its emptied folders; anything else stays.</summary>
    public static void DeleteResults(string folder)
    {
        if (Listed(folder) is not { } own)
        {
            return;
        }
        foreach (var file in own)
        {
            var path = Path.GetFullPath(Path.Combine(folder, file));
            if (path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path))
            {
                File.Delete(path);
            }
        }
        DeleteEmptyFolders(folder);
    }

    /// <summary>Deletes a staging folder this or an earlier MarketSim process created (it carries the staging marker).</summary>
    public static void DeleteStaging(string folder)
    {
        if (StagingMarker.IsStaging(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The files <paramref name="folder"/>'s manifest lists (relative, with '/'), itself included, when MarketSim wrote the manifest; otherwise null.</summary>
    public static HashSet<string>? Listed(string folder)
    {
        var manifest = Path.Combine(folder, Manifest.FileName);
        if (!File.Exists(manifest))
        {
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty(Manifest.WrittenByField, out var by) || by.ValueKind != JsonValueKind.String || by.GetString() != Manifest.Engine
                || !root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            var own = files.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!).ToHashSet(StringComparer.Ordinal);
            own.Add(Manifest.FileName);
            return own;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void DeleteEmptyFolders(string folder)
    {
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (new DirectoryInfo(sub).LinkTarget is null)
            {
                DeleteEmptyFolders(sub);
            }
        }
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
