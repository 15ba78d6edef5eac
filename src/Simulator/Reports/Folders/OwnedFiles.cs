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
        var foreign = new List<string>();
        Foreign(folder, "", own, foreign);
        if (foreign.Count == 0)
        {
            return null;
        }
        var folders = foreign.Count(f => f.EndsWith('/'));
        var kinds = string.Join(" and ", new[] { Count(foreign.Count - folders, "file"), Count(folders, "folder") }.Where(k => k.Length > 0));
        return $"it holds {kinds} MarketSim did not write ({string.Join(", ", foreign.Take(3))}{(foreign.Count > 3 ? ", …" : "")})";
    }

    /// <summary>
    /// Adds to <paramref name="foreign"/> each entry under <paramref name="relative"/> that MarketSim did not write: a file
    /// or link the manifest does not list, or a folder holding none of the files it lists (shown with a trailing '/', its
    /// contents not listed apart).
    /// </summary>
    private static void Foreign(string root, string relative, HashSet<string> own, List<string> foreign)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(root, relative)).Order(StringComparer.Ordinal))
        {
            var name = relative.Length == 0 ? Path.GetFileName(entry) : $"{relative}/{Path.GetFileName(entry)}";
            if (!Directory.Exists(entry) || new DirectoryInfo(entry).LinkTarget is not null)
            {
                if (!own.Contains(name))
                {
                    foreign.Add(name);
                }
            }
            else if (own.Any(f => f.StartsWith(name + "/", StringComparison.Ordinal)))
            {
                Foreign(root, name, own, foreign);
            }
            else
            {
                foreign.Add(name + "/");
            }
        }
    }

    private static string Count(int n, string noun) => n switch { 0 => "", 1 => $"1 {noun}", _ => $"{n} {noun}s" };

    /// <summary>
    /// Deletes the files a MarketSim results folder's manifest lists, then its emptied folders; anything else stays.
    /// A file or folder that cannot be deleted does not stop the rest; the first such failure is thrown at the end.
    /// </summary>
    public static void DeleteResults(string folder)
    {
        if (Listed(folder) is not { } own)
        {
            return;
        }
        var failures = new List<Exception>();
        foreach (var file in own)
        {
            var path = Path.GetFullPath(Path.Combine(folder, file));
            if (path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path))
            {
                Attempt(() => FolderRemoval.DeleteFile(path), failures);
            }
        }
        DeleteEmptyFolders(folder, failures);
        if (failures.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[0]);
        }
    }

    private static void Attempt(Action delete, List<Exception> failures)
    {
        try
        {
            delete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Add(ex);
        }
    }

    /// <summary>
    /// Why the results folder <paramref name="folder"/> (absolute) could not be moved aside and its files deleted, naming
    /// the first folder that refuses (its parent, itself or one under it); null when nothing refuses.
    /// </summary>
    public static string? WhyNotRemovable(string folder)
    {
        var parent = Path.GetDirectoryName(folder)!;
        if (FolderRemoval.WhyNot(parent) is { } above)
        {
            return $"its parent folder {parent} cannot be changed ({above})";
        }
        foreach (var sub in SubfoldersAndItself(folder))
        {
            if (FolderRemoval.WhyNot(sub) is { } why)
            {
                var name = sub == folder ? "its files" : $"the files in {Path.GetRelativePath(folder, sub).Replace(Path.DirectorySeparatorChar, '/')}/";
                return $"{name} cannot be removed ({why})";
            }
        }
        return null;
    }

    private static IEnumerable<string> SubfoldersAndItself(string folder) =>
        Directory.EnumerateDirectories(folder)
            .Where(sub => new DirectoryInfo(sub).LinkTarget is null)
            .Order(StringComparer.Ordinal)
            .SelectMany(SubfoldersAndItself)
            .Prepend(folder);

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

    private static void DeleteEmptyFolders(string folder, List<Exception> failures)
    {
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (new DirectoryInfo(sub).LinkTarget is null)
            {
                DeleteEmptyFolders(sub, failures);
            }
        }
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Attempt(() => FolderRemoval.DeleteFolder(folder), failures);
        }
    }
}
