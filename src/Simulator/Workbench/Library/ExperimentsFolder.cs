using System.Text.RegularExpressions;
using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Workbench.Library;

/// <summary>
/// The folder the workbench keeps its work in: one normal results folder per experiment (so `marketsim run --out`
/// into it and the workbench see the same experiments) and the user's scenarios in <c>scenarios/</c>. Every path a
/// request names is a single safe name checked against this folder, so no request reaches a file outside it.
/// </summary>
public sealed partial class ExperimentsFolder
{
    /// <summary>The user's scenarios' sub-folder.</summary>
    public const string ScenariosName = "scenarios";

    /// <summary>The hidden sub-folder for the workbench's short-lived files (zips being sent, scenario checks); never listed.</summary>
    public const string ScratchName = ".workbench-scratch";

    private readonly List<string> _created = [];

    /// <summary>Creates the folder (and its scenarios folder) when missing.</summary>
    public ExperimentsFolder(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        Scenarios = Path.Combine(Root, ScenariosName);
        for (var folder = Scenarios; folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            _created.Add(folder);
        }
        Directory.CreateDirectory(Scenarios);
    }

    /// <summary>
    /// Removes the folders the constructor created, deepest first, as long as they are still empty: a workbench that
    /// failed to start leaves no folder behind. A folder that existed before, or that now holds anything, stays.
    /// </summary>
    public void RemoveCreated()
    {
        foreach (var folder in _created)
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
    }

    /// <summary>A new path in the scratch folder for <paramref name="name"/>, made unique; the caller deletes it.</summary>
    public string ScratchPath(string name)
    {
        var scratch = Path.Combine(Root, ScratchName);
        Directory.CreateDirectory(scratch);
        return Path.Combine(scratch, $"{Guid.NewGuid():N}-{name}");
    }

    /// <summary>The folder, absolute.</summary>
    public string Root { get; }

    /// <summary>Where the user's scenarios (uploads and variants) are kept.</summary>
    public string Scenarios { get; }

    /// <summary>Whether <paramref name="name"/> is a single, plain file or folder name: letters, digits, '.', '_' and '-', not starting with '.'.</summary>
    public static bool IsSafeName(string? name) => name is { Length: > 0 and <= 120 } && SafeName().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    /// <summary>The complete experiments (folders with a manifest), newest first.</summary>
    public IReadOnlyList<StoredExperiment> List() =>
        [.. Directory.EnumerateDirectories(Root)
            .Select(Path.GetFileName)
            .Where(name => IsSafeName(name) && name != ScenariosName)
            .Select(name => Find(name!))
            .OfType<StoredExperiment>()
            .OrderByDescending(e => e.Finished)];

    /// <summary>
    /// The folders here with a manifest that <paramref name="listed"/> (what <see cref="List"/> gave) leaves out, each with why: a name
    /// the workbench cannot put in an address (`marketsim run --out "Base case"`), or else a manifest or summary that cannot be read.
    /// </summary>
    public IReadOnlyList<(string Name, bool BadName)> Unlisted(IReadOnlyList<StoredExperiment> listed) =>
        [.. Directory.EnumerateDirectories(Root)
            .Where(path => File.Exists(Path.Combine(path, Manifest.FileName)))
            .Select(path => Path.GetFileName(path))
            .Where(name => name != ScenariosName && !listed.Any(e => e.Id == name))
            .Select(name => (name, !IsSafeName(name)))
            .Order()];

    /// <summary>The experiment called <paramref name="id"/>, or null when the name is not safe or the folder is not a complete results folder.</summary>
    public StoredExperiment? Find(string? id)
    {
        if (!IsSafeName(id) || id == ScenariosName)
        {
            return null;
        }
        var folder = Path.Combine(Root, id!);
        return File.Exists(Path.Combine(folder, Manifest.FileName)) ? StoredExperiment.Read(id!, folder) : null;
    }

    /// <summary>The path of a new experiment's results folder, for <paramref name="id"/> (a safe name).</summary>
    public string PathFor(string id) =>
        IsSafeName(id) ? Path.Combine(Root, id) : throw new ArgumentException($"'{id}' is not a plain folder name", nameof(id));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeName();
}
