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
    /// directory or a parent of it, the home directory, the root), it exists and is not empty (without
    /// <paramref name="overwrite"/>), or MarketSim did not write it, or it cannot be written.
    /// </summary>
    public static ResultsFolder Begin(string path, bool overwrite)
    {
        var final = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        OutputFolderGuard.Check(path, final, overwrite);
        var parent = Path.GetDirectoryName(final) ?? throw new IOException($"--out {path}: the root folder cannot hold results; allowed: a new or MarketSim-written folder");
        var staging = StagingPath(final);
        Unwritable.Guard(path, () =>
        {
            Directory.CreateDirectory(parent);
            StagingMarker.RemoveStaleBeside(parent);
            if (Directory.Exists(staging))
            {
                OwnedFiles.DeleteStaging(staging);
            }
            Directory.CreateDirectory(staging);
            StagingMarker.Write(staging);
        });
        return new ResultsFolder(final, path, staging, overwrite);
    }

    /// <summary>The hidden staging folder this process writes the results folder <paramref name="final"/> (absolute) in.</summary>
    internal static string StagingPath(string final) =>
        Path.Combine(Path.GetDirectoryName(final) ?? "", $".{Path.GetFileName(final)}.partial-{Environment.ProcessId}");

    /// <summary>The path of <paramref name="fileName"/> inside the staging folder.</summary>
    public string File(string fileName) => Path.Combine(Staging, fileName);

    /// <summary>
    /// Renames the staging folder to its final name. An old MarketSim folder of that name is moved
    /// aside first and its own files deleted only after the new folder is in place.
    /// </summary>
    public void Commit()
    {
        if (!System.IO.File.Exists(File(Manifest.FileName)))
        {
            throw new InvalidOperationException("A results folder is committed only with its manifest.");
        }
        StagingMarker.Remove(Staging);
        Unwritable.Guard(_shownPath, () =>
        {
            if (!Directory.Exists(_final))
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
            // Checked again: the folder may have appeared or changed while the runs were going.
            OutputFolderGuard.Check(_shownPath, _final, _overwrite);
            var old = Path.Combine(Path.GetDirectoryName(_final)!, $".{Path.GetFileName(_final)}.old-{Environment.ProcessId}");
            Directory.Move(_final, old);
            Directory.Move(Staging, _final);
            OwnedFiles.DeleteResults(old);
        });
        _committed = true;
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
