namespace MarketSim.Simulator.Reports;

/// <summary>
/// A results folder written atomically: everything goes into a hidden sibling folder that is renamed
/// to the final name only by <see cref="Commit"/>. A failed or interrupted run leaves nothing that
/// looks complete; disposing without committing deletes the partial folder.
/// </summary>
public sealed class ResultsFolder : IDisposable
{
    private readonly string _final;
    private readonly bool _overwrite;
    private bool _committed;

    private ResultsFolder(string final, string staging, bool overwrite)
    {
        _final = final;
        Staging = staging;
        _overwrite = overwrite;
    }

    /// <summary>Where files are written until <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>
    /// Starts a folder that will become <paramref name="path"/>. Throws <see cref="IOException"/> when
    /// it exists and is not empty, unless <paramref name="overwrite"/>.
    /// </summary>
    public static ResultsFolder Begin(string path, bool overwrite)
    {
        var final = Path.GetFullPath(path);
        if (!overwrite && Directory.Exists(final) && Directory.EnumerateFileSystemEntries(final).Any())
        {
            throw new IOException($"{path}: the output folder exists and is not empty; choose another --out or pass --overwrite");
        }
        if (System.IO.File.Exists(final))
        {
            throw new IOException($"{path}: a file of that name exists; --out must name a folder");
        }
        var parent = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(final)}.partial-{Environment.ProcessId}");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        Directory.CreateDirectory(staging);
        return new ResultsFolder(final, staging, overwrite);
    }

    /// <summary>The path of <paramref name="fileName"/> inside the staging folder.</summary>
    public string File(string fileName) => Path.Combine(Staging, fileName);

    /// <summary>Renames the staging folder to its final name, replacing an old folder if allowed.</summary>
    public void Commit()
    {
        if (Directory.Exists(_final))
        {
            if (!_overwrite && Directory.EnumerateFileSystemEntries(_final).Any())
            {
                throw new IOException($"{_final}: the output folder appeared while the run was going; nothing was replaced");
            }
            var old = _final + $".old-{Environment.ProcessId}";
            Directory.Move(_final, old);
            Directory.Move(Staging, _final);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(Staging, _final);
        }
        _committed = true;
    }

    /// <summary>Deletes the staging folder unless committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }
}
