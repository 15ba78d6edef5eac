namespace MarketSim.Simulator.Reports;

/// <summary>
/// A results folder written atomically: everything goes into a hidden staging folder beside it that
/// is renamed to the final name only by <see cref="Commit"/>. A failed or interrupted run leaves
/// nothing that looks complete. An existing folder is replaced only when MarketSim wrote it (its
/// manifest says so and it holds nothing else), and the old results stay until the new are complete.
/// </summary>
public sealed class ResultsFolder : IDisposable
{
    private readonly string _final;
    private readonly string _shownPath;
    private readonly bool _overwrite;
    private bool _committed;

    private ResultsFolder(string final, string shownPath, string staging, bool overwrite)
    {
        _final = final;
        _shownPath = shownPath;
        Staging = staging;
        _overwrite = overwrite;
    }

    /// <summary>Where files are written until <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>
    /// Starts a folder that will become <paramref name="path"/>, after removing staging folders left
    /// beside it by processes that no longer exist. Throws <see cref="IOException"/>, with a message
    /// naming the folder and why, when the folder cannot be used: it is protected (the working
    /// directory or a parent of it, the home directory, the root), a symbolic link, it exists and is not
    /// empty (without <paramref name="overwrite"/>), MarketSim did not write it, its files cannot be
    /// removed, or it cannot be written.
    /// </summary>
    public static ResultsFolder Begin(string path, bool overwrite)
    {
        var final = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        OutputFolderGuard.Check(path, final, overwrite);
        var parent = Path.GetDirectoryName(final) ?? throw new IOException($"--out {path}: the root folder cannot hold results; allowed: a new or MarketSim-written folder");
        var staging = StagingPath(final);
        Unwritable.Guard(path, () =>
        {
            try
            {
                Directory.CreateDirectory(parent);
                StagingMarker.RemoveStaleBeside(parent);
                if (Directory.Exists(staging))
                {
                    OwnedFiles.DeleteStaging(staging);
                }
                Directory.CreateDirectory(staging);
                StagingMarker.Write(staging);
            }
            catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // A folder just made, or whose parent exists, is "not found" only where the file system takes no new files (/proc, /sys).
                throw new IOException(Unwritable.Message(path, ("the file system there takes no new folders", "a folder on a disk you can write to")), ex);
            }
        });
        return new ResultsFolder(final, path, staging, overwrite);
    }

    /// <summary>The hidden staging folder this process writes the results folder <paramref name="final"/> (absolute) in.</summary>
    internal static string StagingPath(string final) =>
        Path.Combine(Path.GetDirectoryName(final) ?? "", $".{Path.GetFileName(final)}.partial-{Environment.ProcessId}");

    /// <summary>The path of <paramref name="fileName"/> inside the staging folder.</summary>
    public string File(string fileName) => Path.Combine(Staging, fileName);

    /// <summary>
    /// What was left behind when the new results are in place but the old ones could not all be deleted, for the
    /// command to print as a warning; null otherwise. Set by <see cref="Commit"/>.
    /// </summary>
    public string? Warning { get; private set; }

    /// <summary>
    /// Renames the staging folder to its final name. An old MarketSim folder of that name is moved
    /// aside first and its own files deleted only after the new folder is in place. When the folder
    /// can no longer take the results (it appeared or changed while the runs went on), the results are
    /// kept in a new folder beside it, NAME-2 or the next free number, and an <see cref="IOException"/>
    /// says where.
    /// </summary>
    public void Commit()
    {
        if (!System.IO.File.Exists(File(Manifest.FileName)))
        {
            throw new InvalidOperationException("A results folder is committed only with its manifest.");
        }
        if (OutputFolderGuard.Refusal(_final, _overwrite) is { } refusal)
        {
            KeepBeside(refusal.Reason);
        }
        // The marker goes with the folder's last step and comes back if that fails, so Dispose can still delete it.
        StagingMarker.Remove(Staging);
        try
        {
            Unwritable.Guard(_shownPath, Replace);
        }
        catch
        {
            if (Directory.Exists(Staging) && !StagingMarker.IsStaging(Staging))
            {
                StagingMarker.Write(Staging);
            }
            throw;
        }
        _committed = true;
    }

    private void Replace()
    {
        if (!Path.Exists(_final))
        {
            Directory.Move(Staging, _final);
            return;
        }
        if (!Directory.EnumerateFileSystemEntries(_final).Any())
        {
            Directory.Delete(_final);
            Directory.Move(Staging, _final);
            return;
        }
        var old = Path.Combine(Path.GetDirectoryName(_final)!, $".{Path.GetFileName(_final)}.old-{Environment.ProcessId}");
        Directory.Move(_final, old);
        try
        {
            Directory.Move(Staging, _final);
        }
        catch
        {
            Directory.Move(old, _final);
            throw;
        }
        try
        {
            OwnedFiles.DeleteResults(old);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Warning = $"--out {_shownPath}: the new results are in place, but the old ones could not all be deleted ({Unwritable.Reason(ex)?.Why ?? ex.Message}); "
                + $"what is left of them is in {Path.GetFileName(old)} beside it, for you to delete";
        }
    }

    /// <summary>
    /// Moves the finished results to the first free NAME-2, NAME-3, … beside the folder asked for, which could not take
    /// them because of <paramref name="reason"/>, and throws an <see cref="IOException"/> saying where they are.
    /// </summary>
    private void KeepBeside(string reason)
    {
        var asked = Path.TrimEndingDirectorySeparator(_shownPath);
        for (var n = 2; n <= 99; n++)
        {
            var kept = $"{_final}-{n}";
            if (Path.Exists(kept))
            {
                continue;
            }
            try
            {
                Directory.Move(Staging, kept);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            StagingMarker.Remove(kept);
            _committed = true;
            throw new IOException($"--out {_shownPath}: {reason}, found when the runs were done (it appeared or changed while they went on); your results are in {asked}-{n} instead; nothing in {asked} was changed");
        }
        OutputFolderGuard.Check(_shownPath, _final, _overwrite);
    }

    /// <summary>Deletes the staging folder unless committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging))
        {
            OwnedFiles.DeleteStaging(Staging);
        }
    }
}
