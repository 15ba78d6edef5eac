namespace MarketSim.Simulator.Reports;

/// <summary>
/// Decides whether a results folder may be written at a path: never the working directory or a
/// parent of it, the home directory, the root or a symbolic link; an existing folder only with
/// --overwrite, and then only when MarketSim wrote it, it holds nothing else and its files can be removed.
/// </summary>
internal static class OutputFolderGuard
{
    private const string Allowed = "allowed: a new folder, or with --overwrite a results folder MarketSim wrote";

    /// <summary>Throws <see cref="IOException"/> naming <paramref name="shownPath"/> and the reason when it may not be used.</summary>
    public static void Check(string shownPath, string final, bool overwrite)
    {
        if (Refusal(final, overwrite) is { } refusal)
        {
            throw new IOException($"--out {shownPath}: {refusal.Reason}; {refusal.Then}");
        }
    }

    /// <summary>
    /// Why <paramref name="final"/> (absolute) may not take results, and what the message says after that (what was
    /// left alone and what is allowed); null when it may.
    /// </summary>
    public static (string Reason, string Then)? Refusal(string final, bool overwrite)
    {
        if (ProtectedReason(final) is { } reason)
        {
            return ($"refused: {final} is {reason}", $"nothing was deleted; {Allowed}");
        }
        if (new FileInfo(final).LinkTarget is { } target)
        {
            var resolved = Path.GetFullPath(target, Path.GetDirectoryName(final)!);
            return Path.Exists(resolved)
                ? ($"is a symbolic link (to {target})", $"nothing was written; allowed: a folder path that is not a link (give the link's target, {resolved})")
                : ($"is a broken symbolic link (to {target}, which does not exist)", "nothing was written; allowed: a folder path that is not a link");
        }
        if (File.Exists(final))
        {
            return ("a file of that name exists", "nothing was deleted; allowed: the path of a folder");
        }
        if (FileOnPath(final) is { } file)
        {
            return ($"{file} is a file, not a folder", "nothing was written; allowed: a folder path whose every part is a folder or new");
        }
        if (!Directory.Exists(final) || !Directory.EnumerateFileSystemEntries(final).Any())
        {
            return null;
        }
        if (!overwrite)
        {
            return ("the folder exists and is not empty", "choose another --out, or pass --overwrite to replace results MarketSim wrote there");
        }
        if (OwnedFiles.WhyNotOwned(final) is { } why)
        {
            return ($"refused to overwrite: {why}", $"nothing was deleted; {Allowed}");
        }
        if (OwnedFiles.WhyNotRemovable(final) is { } stuck)
        {
            return ($"cannot replace it: {stuck}", "nothing was deleted; allowed: a results folder MarketSim wrote that you can change, or another --out");
        }
        return null;
    }

    /// <summary>The first folder above <paramref name="path"/> (absolute) that is a file, so that no folder can be made there; null when there is none.</summary>
    public static string? FileOnPath(string path)
    {
        for (var above = Path.GetDirectoryName(path); above is not null; above = Path.GetDirectoryName(above))
        {
            if (File.Exists(above))
            {
                return above;
            }
            if (Directory.Exists(above))
            {
                return null;
            }
        }
        return null;
    }

    private static string? ProtectedReason(string final)
    {
        if (Path.GetDirectoryName(final) is null)
        {
            return "the root of the file system";
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && SamePath(final, home))
        {
            return "the home directory";
        }
        var workingDirectory = Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory);
        if (SamePath(final, workingDirectory))
        {
            return "the working directory";
        }
        if (workingDirectory.StartsWith(final + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "a parent of the working directory";
        }
        return null;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);
}
