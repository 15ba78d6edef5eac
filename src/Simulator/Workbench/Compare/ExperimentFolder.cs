using System.Globalization;
using System.Text.Json;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Reports.Exports;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Workbench.Compare;

/// <summary>
/// A MarketSim results folder opened for comparison: its manifest's seed and runs, the scenario it ran
/// (from scenario.yaml, for names, units and headline columns) and the header of its runs.csv. The runs
/// themselves are read on demand, a column at a time per row, by <see cref="ReadColumns"/>.
/// </summary>
internal sealed class ExperimentFolder
{
    public const string RunsFile = "runs.csv";
    public const string ScenarioFile = "scenario.yaml";
    private const string RunColumn = "run";

    private readonly Named _named;

    private ExperimentFolder(string folder, Named named, ulong seed, long runs, MarketScenario scenario, OutcomeSchema schema, IReadOnlyList<string> header)
    {
        Folder = folder;
        _named = named;
        Seed = seed;
        Runs = runs;
        Scenario = scenario;
        Schema = schema;
        Header = header;
    }

    public string Folder { get; }

    /// <summary>How messages name the folder: the name it was opened with (<c>experiment ID</c>), or else its path.</summary>
    public string Name => _named.Folder;

    public ulong Seed { get; }

    public long Runs { get; }

    public MarketScenario Scenario { get; }

    /// <summary>The scenario's columns, with one per uncertain input.</summary>
    public OutcomeSchema Schema { get; }

    /// <summary>runs.csv's columns after <c>run</c>.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>
    /// Opens <paramref name="folder"/>, checking that it holds manifest.json, runs.csv and scenario.yaml
    /// as MarketSim writes them. Throws <see cref="IOException"/> (a file or the folder missing) or
    /// <see cref="InvalidDataException"/> (a file not as MarketSim writes it), naming the folder and file:
    /// by their paths, or, given <paramref name="name"/> (<c>experiment ID</c>), as <c>runs.csv of experiment ID</c>.
    /// </summary>
    public static ExperimentFolder Open(string folder, string? name = null)
    {
        var named = new Named(folder, name);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{named.Folder}: folder not found; allowed: a MarketSim results folder (manifest.json, runs.csv, scenario.yaml)");
        }
        var (seed, runs) = ReadManifest(named);
        var scenarioPath = Require(named, ScenarioFile);
        var (loaded, problems) = ScenarioLoader.TryLoadUncertain(scenarioPath);
        if (loaded is null)
        {
            var first = problems.Count == 0 ? "unknown problem" : (problems[0].File == scenarioPath ? problems[0] with { File = named.File(ScenarioFile) } : problems[0]).ToString();
            throw new InvalidDataException($"the scenario of {named.Folder} does not load: {first}");
        }
        var runsPath = Require(named, RunsFile);
        var header = CsvRows.Read(runsPath).FirstOrDefault();
        if (header is null || header.Length == 0 || header[0] != RunColumn)
        {
            throw new InvalidDataException($"{named.File(RunsFile)}: not a MarketSim runs.csv: its header does not begin with '{RunColumn}'");
        }
        return new ExperimentFolder(folder, named, seed, runs, loaded.Median, new OutcomeSchema(loaded.Median, loaded.InputColumns), header[1..]);
    }

    /// <summary>How messages name <paramref name="file"/> of this folder: its path, or <c>runs.csv of experiment ID</c>.</summary>
    public string NameOf(string file) => _named.File(file);

    /// <summary>
    /// Streams runs.csv and returns, for each of <paramref name="columns"/> (names in <see cref="Header"/>),
    /// its value in each run in run order (NaN where empty). Throws <see cref="InvalidDataException"/>
    /// naming the file and line when a row is not as MarketSim writes it or the rows do not match the manifest's runs.
    /// </summary>
    public double[][] ReadColumns(IReadOnlyList<string> columns)
    {
        var path = Path.Combine(Folder, RunsFile);
        var header = Header.ToList();
        var fields = columns.Select(c => header.IndexOf(c) + 1).ToArray();
        var values = columns.Select(_ => new double[Runs]).ToArray();
        var width = Header.Count + 1;
        var run = 0L;
        var line = 1L;
        foreach (var row in CsvRows.Read(path).Skip(1))
        {
            line++;
            if (row.Length != width)
            {
                throw Bad(path, line, $"{row.Length} fields where the header has {width}");
            }
            if (run >= Runs)
            {
                throw Bad(path, line, $"more rows than the {Runs} runs manifest.json states");
            }
            if (!long.TryParse(row[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index != run)
            {
                throw Bad(path, line, $"run '{row[0]}' where run {run} was expected (rows are in run order from 0)");
            }
            for (var c = 0; c < fields.Length; c++)
            {
                var text = row[fields[c]];
                if (text.Length == 0)
                {
                    values[c][run] = double.NaN;
                }
                else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out values[c][run]))
                {
                    throw Bad(path, line, $"'{text}' in column {columns[c]} is not a number");
                }
            }
            run++;
        }
        return run == Runs ? values : throw Bad(path, line, $"{run} runs where manifest.json states {Runs}");
    }

    private InvalidDataException Bad(string path, long line, string what) =>
        new($"{NameOf(Path.GetFileName(path))}, line {line}: {what}");

    private static (ulong Seed, long Runs) ReadManifest(Named named)
    {
        var (folder, path) = (named.Folder, named.File(Manifest.FileName));
        var json = File.ReadAllText(Require(named, Manifest.FileName));
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(Manifest.WrittenByField, out var by) || by.ValueKind != JsonValueKind.String || by.GetString() != Manifest.Engine)
            {
                throw new InvalidDataException($"{path}: not a MarketSim manifest (no \"{Manifest.WrittenByField}\": \"{Manifest.Engine}\"), so {folder} is not a MarketSim results folder");
            }
            if (!root.TryGetProperty("seed", out var seed) || !seed.TryGetUInt64(out var s) || !root.TryGetProperty("runs", out var runs) || !runs.TryGetInt64(out var n) || n < 0)
            {
                throw new InvalidDataException($"{path}: no seed or runs (not the manifest of one experiment)");
            }
            return (s, n);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
    }

    private static string Require(Named named, string file)
    {
        var path = Path.Combine(named.Path, file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{named.Folder} is not a complete MarketSim results folder: it has no {file}", path);
    }

    /// <summary>A folder at <paramref name="Path"/> as messages name it and its files: by their paths, or, with <paramref name="Name"/>, as that name and <c>FILE of NAME</c>.</summary>
    private readonly record struct Named(string Path, string? Name)
    {
        public string Folder => Name ?? Path;

        public string File(string file) => Name is null ? System.IO.Path.Combine(Path, file) : $"{file} of {Name}";
    }
}
