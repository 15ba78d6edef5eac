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
    /// as MarketSim writes them. Throws <see cref="IOException"/> (a file or the folder missing, or a file the system refuses, with
    /// the system's exception inner) or <see cref="InvalidDataException"/> (a file not as MarketSim writes it, such as a
    /// manifest whose runs are not a whole number of 0 or more), naming the folder and file:
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
        var header = Rows(named, runsPath).FirstOrDefault();
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
    /// naming the file and line when a row is not as MarketSim writes it or the rows do not match the manifest's runs
    /// (more or fewer, however many it states), and <see cref="IOException"/> naming the file when the system refuses it.
    /// </summary>
    public double[][] ReadColumns(IReadOnlyList<string> columns)
    {
        var path = Path.Combine(Folder, RunsFile);
        var header = Header.ToList();
        var fields = columns.Select(c => header.IndexOf(c) + 1).ToArray();
        var width = Header.Count + 1;
        // A row takes at least its commas, a digit of its run and a line's end, so the file's length bounds its rows: a manifest
        // that states more runs than that (edited by hand) sizes no arrays by its count, and is refused once the rows are counted.
        var capacity = Math.Min(Runs, Reading(_named, RunsFile, () => new FileInfo(path).Length) / (width + 1));
        var values = columns.Select(_ => new double[capacity]).ToArray();
        var run = 0L;
        var line = 1L;
        foreach (var row in Rows(_named, path).Skip(1))
        {
            line++;
            if (row.Length != width)
            {
                throw Bad(path, line, $"{row.Length} fields where the header has {width}");
            }
            if (run >= Runs)
            {
                throw Bad(path, line, string.Create(CultureInfo.InvariantCulture, $"more rows than the {Runs:N0} runs {NameOf(Manifest.FileName)} states"));
            }
            if (run >= capacity)
            {
                throw Bad(path, line, "more rows than the file's length held when it was opened (it changed while it was read)");
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
        return run == Runs ? values : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
            $"{NameOf(RunsFile)} holds {run:N0} runs, but {NameOf(Manifest.FileName)} states {Runs:N0}"));
    }

    private InvalidDataException Bad(string path, long line, string what) =>
        new($"{NameOf(Path.GetFileName(path))}, line {line}: {what}");

    private static (ulong Seed, long Runs) ReadManifest(Named named)
    {
        var (folder, path) = (named.Folder, named.File(Manifest.FileName));
        var manifest = Require(named, Manifest.FileName);
        var json = Reading(named, Manifest.FileName, () => File.ReadAllText(manifest));
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(Manifest.WrittenByField, out var by) || by.ValueKind != JsonValueKind.String || by.GetString() != Manifest.Engine)
            {
                throw new InvalidDataException($"{path}: not a MarketSim manifest (no \"{Manifest.WrittenByField}\": \"{Manifest.Engine}\"), so {folder} is not a MarketSim results folder");
            }
            if (!root.TryGetProperty("seed", out var seed) || !root.TryGetProperty("runs", out var runs))
            {
                throw new InvalidDataException($"{path}: no seed or runs (not the manifest of one experiment)");
            }
            // Edited by hand, either may be text, a fraction, negative or past what a count can be (1e30): each is named with what is allowed.
            if (seed.ValueKind != JsonValueKind.Number || !seed.TryGetUInt64(out var s))
            {
                throw new InvalidDataException($"{path}: seed is {Shown(seed)}; allowed: a whole number from 0 to 18,446,744,073,709,551,615 (2^64 − 1)");
            }
            if (runs.ValueKind != JsonValueKind.Number || !runs.TryGetInt64(out var n) || n < 0)
            {
                throw new InvalidDataException($"{path}: runs is {Shown(runs)}; allowed: a whole number of runs, 0 or more, as many as {RunsFile} holds");
            }
            return (s, n);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// <paramref name="read"/> of <paramref name="file"/>, the system's refusal of it (permission denied, a folder where the file should be)
    /// thrown as an <see cref="IOException"/> naming the file as messages name it, with why; the system's message, which quotes the
    /// server's path, is its inner exception.
    /// </summary>
    private static T Reading<T>(Named named, string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            throw new IOException($"{named.File(file)} cannot be read ({FileFailure.Reason(e)})", e);
        }
    }

    // runs.csv's rows, each read as Reading reads, so that the system's refusal midway is named as the file is.
    private static IEnumerable<string[]> Rows(Named named, string path)
    {
        using var rows = Reading(named, RunsFile, () => CsvRows.Read(path).GetEnumerator());
        while (Reading(named, RunsFile, rows.MoveNext))
        {
            yield return rows.Current;
        }
    }

    // A manifest's value as its JSON writes it ("many", 1e30, -5), cut short past 40 characters.
    private static string Shown(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 40 ? raw : raw[..39] + "…";
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
