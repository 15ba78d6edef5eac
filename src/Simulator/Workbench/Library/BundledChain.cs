namespace MarketSim.Simulator.Workbench.Library;

/// <summary>
/// A bundled scenario and the bases it is a variant of (<c>base:</c>), for a variant of it the user saves: checked in a scratch
/// copy, so nothing is written where the bundled scenarios are kept, then copied among the user's scenarios, never over a
/// different file of the same name.
/// </summary>
internal static class BundledChain
{
    /// <summary>The scenario and its bases, nearest first (at most 8; a loop stops at the first repeat).</summary>
    public static List<ScenarioFile> Of(ScenarioLibrary library, ScenarioFile scenario)
    {
        var chain = new List<ScenarioFile> { scenario };
        while (chain[^1].Base is { } next && chain.Count < 8 && library.Find(scenario.Source, next) is { } link && chain.All(c => c.FileName != link.FileName))
        {
            chain.Add(link);
        }
        return chain;
    }

    /// <summary>A new scratch folder holding copies of <paramref name="scenario"/> and its bases; the caller deletes it.</summary>
    public static string CheckingCopy(ScenarioLibrary library, ExperimentsFolder experiments, ScenarioFile scenario)
    {
        var scratch = experiments.ScratchPath("levers");
        Directory.CreateDirectory(scratch);
        foreach (var link in Of(library, scenario))
        {
            File.Copy(link.Path, Path.Combine(scratch, link.FileName));
        }
        return scratch;
    }

    /// <summary>
    /// Copies the scenario and its bases among the user's scenarios; a file of one of their names with other content is a clash,
    /// returned in words ending with what to do then (<paramref name="retry"/>, such as "save again") and never overwritten.
    /// </summary>
    public static string? CopyToMine(ScenarioLibrary library, ScenarioFile scenario, string retry)
    {
        var chain = Of(library, scenario);
        foreach (var link in chain)
        {
            var target = Path.Combine(library.MineFolder, link.FileName);
            if (File.Exists(target) && !File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(link.Path)))
            {
                return $"Your scenarios already hold a different {link.FileName}, and the variant needs the bundled one beside it under that name. Rename or move yours ({target}) and {retry}.";
            }
        }
        foreach (var link in chain)
        {
            var target = Path.Combine(library.MineFolder, link.FileName);
            if (!File.Exists(target))
            {
                File.Copy(link.Path, target);
            }
        }
        return null;
    }

    /// <summary>
    /// The bundled scenario that the user's scenario file at <paramref name="path"/> names as its <c>base:</c> when the user's
    /// scenarios hold no file of that name (an upload of a variant of a bundled scenario); null otherwise.
    /// </summary>
    public static ScenarioFile? BaseOf(ScenarioLibrary library, string path) =>
        ScenarioFile.Read(ScenarioFile.Mine, path).Base is { } name
        && !File.Exists(Path.Combine(library.MineFolder, name))
        && library.Find(ScenarioFile.Bundled, name) is { } bundled
            ? bundled
            : null;
}
