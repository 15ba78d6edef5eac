namespace MarketSim.Simulator.Workbench.Library;

/// <summary>
/// The scenarios the workbench offers: the bundled ones (read-only) and the user's, kept in the experiments
/// folder's <c>scenarios/</c> so that `marketsim run` can run them too. Files are found by a source and a
/// plain file name, never by a path from a request.
/// </summary>
public sealed class ScenarioLibrary(string bundledFolder, ExperimentsFolder experiments)
{
    /// <summary>The bundled scenarios' folder.</summary>
    public string BundledFolder { get; } = bundledFolder;

    /// <summary>The user's scenarios' folder.</summary>
    public string MineFolder => experiments.Scenarios;

    /// <summary>Every scenario, bundled first, each group by file name.</summary>
    public IReadOnlyList<ScenarioFile> List() =>
        [.. Files(ScenarioFile.Bundled, BundledFolder), .. Files(ScenarioFile.Mine, MineFolder)];

    /// <summary>The scenario <paramref name="source"/>/<paramref name="fileName"/>, or null when there is none (or the name is not a plain .yaml file name).</summary>
    public ScenarioFile? Find(string? source, string? fileName)
    {
        var folder = source switch
        {
            ScenarioFile.Bundled => BundledFolder,
            ScenarioFile.Mine => MineFolder,
            _ => null,
        };
        if (folder is null || !ExperimentsFolder.IsSafeName(fileName) || !IsYaml(fileName!))
        {
            return null;
        }
        var path = Path.Combine(folder, fileName!);
        return File.Exists(path) ? ScenarioFile.Read(source!, path) : null;
    }

    /// <summary>Finds a scenario by its key, <c>source/file</c>.</summary>
    public ScenarioFile? Find(string? key) =>
        key?.Split('/') is [var source, var file] ? Find(source, file) : null;

    /// <summary>A file name in the user's folder that no file has yet: <paramref name="stem"/>.yaml, else stem-2.yaml, stem-3.yaml…</summary>
    public string FreeName(string stem)
    {
        var name = $"{stem}.yaml";
        for (var i = 2; File.Exists(Path.Combine(MineFolder, name)); i++)
        {
            name = $"{stem}-{i}.yaml";
        }
        return name;
    }

    private static bool IsYaml(string name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<ScenarioFile> Files(string source, string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => IsYaml(f) && ExperimentsFolder.IsSafeName(Path.GetFileName(f))).Order(StringComparer.Ordinal).Select(f => ScenarioFile.Read(source, f))
            : [];
}
