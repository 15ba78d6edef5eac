using MarketSim.Simulator.Scenarios;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Workbench.Library;

/// <summary>A scenario file the workbench offers: a bundled one (read-only) or one of the user's, with its name and description, or why it does not load.</summary>
/// <param name="Source">"bundled" or "mine".</param>
/// <param name="FileName">The file's name in its folder.</param>
/// <param name="Path">The file, absolute.</param>
/// <param name="Name">The scenario's name, or the file's name when it does not load.</param>
/// <param name="Description">The scenario's description, if any.</param>
/// <param name="Base">The file it is a variant of (<c>base:</c>), if any.</param>
/// <param name="Problem">The first problem the validator found, or null when the scenario is valid.</param>
public sealed record ScenarioFile(string Source, string FileName, string Path, string Name, string Description, string? Base, string? Problem)
{
    /// <summary>The bundled scenarios' source name.</summary>
    public const string Bundled = "bundled";

    /// <summary>The user's scenarios' source name.</summary>
    public const string Mine = "mine";

    /// <summary>The key the pages use for it: <c>source/file</c>.</summary>
    public string Key => $"{Source}/{FileName}";

    /// <summary>Reads the scenario at <paramref name="path"/>.</summary>
    public static ScenarioFile Read(string source, string path)
    {
        var fileName = System.IO.Path.GetFileName(path);
        var (scenario, problems) = ScenarioLoader.TryLoad(path);
        var (description, baseName) = Peek(path);
        return new ScenarioFile(source, fileName, path, scenario?.Name ?? fileName, description, baseName, problems.Count > 0 ? problems[0].ToString() : null);
    }

    private static (string Description, string? Base) Peek(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            if (YamlStructure.Check(text, path).Count > 0)
            {
                return ("", null);
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode map)
            {
                return (Scalar(map, "description") ?? "", Scalar(map, "base"));
            }
        }
        catch (YamlDotNet.Core.YamlException)
        {
        }
        return ("", null);
    }

    private static string? Scalar(YamlMappingNode map, string key) => YamlNodes.Text(map, key)?.Trim();
}
