using System.Net;
using System.Text.Json;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;
using MathNet.Numerics.Statistics;

namespace MarketSim.Tests.Uncertainty;

/// <summary>
/// A scenario's <c>correlations:</c> section: the sampled inputs of its runs get the requested rank correlations
/// (Iman–Conover within each block of 1,024 runs) with exactly the values they would have had without it, the
/// same bytes for any thread count or batch size, and a clear message for each mistake in the section.
/// </summary>
public class CorrelatedInputsTests
{
    private const string Capacity = "providers.lead.capacity_weekly_hours";
    private const string Growth = "zones.north.demand.annual_growth";
    private const string Week = "shocks[0].week";

    private static readonly string Correlated = UncertainRunsTests.Small + $$"""

        correlations:
          pairs:
            - { inputs: [{{Capacity}}, {{Growth}}], rank_correlation: 0.6, source: "test" }
        """;

    [Fact]
    public void Sampled_inputs_have_the_requested_rank_correlation_and_exactly_the_values_drawn_without_it()
    {
        const int runs = 2048;
        var correlated = InputColumns(Correlated, runs);
        var independent = InputColumns(UncertainRunsTests.Small, runs);

        // Columns are sorted by path: capacity, shock week, growth. SE of a rank correlation is at most 1/sqrt(n - 1).
        var se = 1 / Math.Sqrt(runs - 1);
        Assert.InRange(Correlation.Spearman(correlated[0], correlated[2]), 0.6 - (3 * se), 0.6 + (3 * se));
        Assert.InRange(Correlation.Spearman(correlated[0], correlated[1]), -3 * se, 3 * se);
        Assert.InRange(Correlation.Spearman(independent[0], independent[2]), -3 * se, 3 * se);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(independent[j].Order(), correlated[j].Order());
        }
        Assert.Equal(independent[1], correlated[1]); // an input outside the correlations keeps its run order
        Assert.NotEqual(independent[2], correlated[2]);
    }

    [Fact]
    public void Runs_csv_with_correlations_is_byte_identical_for_any_thread_count_and_batch_size()
    {
        using var dir = new ScratchDir(("corr.yaml", Correlated));

        var one = dir.Run("corr.yaml", "1100", "--threads", "1", "--batch-size", "7");
        var two = dir.Run("corr.yaml", "1100", "--threads", "2", "--batch-size", "64");

        Assert.Equal(File.ReadAllBytes(Path.Combine(one, "runs.csv")), File.ReadAllBytes(Path.Combine(two, "runs.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(one, "summary.json")), File.ReadAllBytes(Path.Combine(two, "summary.json")));
    }

    [Fact]
    public void Summary_json_and_the_report_record_the_correlations_requested_and_used()
    {
        using var dir = new ScratchDir(("corr.yaml", Correlated));
        var outDir = dir.Run("corr.yaml", "20");

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains($"<tr><td>{WebUtility.HtmlEncode(FieldLabels.Of(Capacity))}</td><td>{WebUtility.HtmlEncode(FieldLabels.Of(Growth))}</td><td>0.60</td><td>0.60</td></tr>", html);

        var correlations = summary.RootElement.GetProperty("correlations");
        Assert.Equal([Capacity, Growth], correlations.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0.6, correlations.GetProperty("requested")[0][1].GetDouble());
        Assert.Equal(0.6, correlations.GetProperty("used")[1][0].GetDouble());
        Assert.False(correlations.GetProperty("repaired").GetBoolean());
        Assert.Equal(1024, correlations.GetProperty("block_runs").GetInt32());
        Assert.False(summary.RootElement.TryGetProperty("warnings", out _));
    }

    [Theory]
    [InlineData("- { inputs: [providers.lead.capacity_weekly_hour, GROWTH], rank_correlation: 0.6 }",
        "correlations.pairs[0].inputs[0]: unknown uncertain input 'providers.lead.capacity_weekly_hour'; did you mean 'providers.lead.capacity_weekly_hours'? allowed: providers.lead.capacity_weekly_hours, shocks[0].week, zones.north.demand.annual_growth")]
    [InlineData("- { inputs: [providers.spot.capacity_weekly_hours, GROWTH], rank_correlation: 0.6 }",
        "correlations.pairs[0].inputs[0]: 'providers.spot.capacity_weekly_hours' is a fixed number, not an uncertain input; allowed: the path of a number given as a distribution (providers.lead.capacity_weekly_hours, shocks[0].week, zones.north.demand.annual_growth)")]
    [InlineData("- { inputs: [CAPACITY, GROWTH], rank_correlation: -1.2 }",
        "correlations.pairs[0].rank_correlation: -1.2 is out of range; allowed: a rank correlation from -1 to 1")]
    [InlineData("- { inputs: [CAPACITY, GROWTH], rank_correlation: 0.6 }\n    - { inputs: [GROWTH, CAPACITY], rank_correlation: 0.5 }",
        "correlations.pairs[1].inputs: the pair (zones.north.demand.annual_growth, providers.lead.capacity_weekly_hours) is given twice (first at line 22); allowed: each pair once")]
    [InlineData("- { inputs: [CAPACITY, CAPACITY], rank_correlation: 0.6 }",
        "correlations.pairs[0].inputs: 2 inputs (providers.lead.capacity_weekly_hours, providers.lead.capacity_weekly_hours); allowed: two different uncertain inputs")]
    [InlineData("- { inputs: [CAPACITY, GROWTH], rank_corelation: 0.6 }",
        "correlations.pairs[0].rank_corelation: unknown field 'rank_corelation'; did you mean 'rank_correlation'? allowed here: inputs, rank_correlation, source")]
    public void Each_mistake_in_a_pair_gets_one_message_naming_the_field_and_what_is_allowed(string pairs, string expected)
    {
        var text = UncertainRunsTests.Small + "\ncorrelations:\n  pairs:\n    " + pairs.Replace("CAPACITY", Capacity).Replace("GROWTH", Growth);

        var problems = Problems(text);

        var problem = Assert.Single(problems);
        Assert.Equal(expected, problem[(problem.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
    }

    [Fact]
    public void Pairs_and_matrix_together_or_an_unknown_section_field_are_errors()
    {
        var both = UncertainRunsTests.Small + $$"""

            correlations:
              pairs: [{ inputs: [{{Capacity}}, {{Growth}}], rank_correlation: 0.6 }]
              matrix: { inputs: [{{Capacity}}, {{Growth}}], values: [[1, 0.6], [0.6, 1]] }
              repiar: nearest
            """;

        var problems = Problems(both);

        Assert.Contains(problems, p => p.EndsWith("correlations.matrix: both pairs and matrix are given; allowed: either pairs (a list of {inputs: [A, B], rank_correlation: R}) or matrix ({inputs: [...], values: [[...], ...]}), not both", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith("correlations.repiar: unknown field 'repiar'; did you mean 'repair'? allowed here: repair, pairs, matrix, source", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[[1, 0.6], [0.5, 1]]", "correlations.matrix.values: rho(providers.lead.capacity_weekly_hours, zones.north.demand.annual_growth) = 0.6 but rho(zones.north.demand.annual_growth, providers.lead.capacity_weekly_hours) = 0.5: the matrix must be symmetric; allowed: a symmetric matrix with 1 on the diagonal and rank correlations from -1 to 1 elsewhere")]
    [InlineData("[[1, 0.6]]", "correlations.matrix.values: 1 rows for 2 inputs; allowed: a 2×2 matrix, one row per input in the order of inputs")]
    [InlineData("[[1, 0.6], [0.6, 1, 0]]", "correlations.matrix.values[1]: expected a row of 2 rank correlations; allowed: a list of 2 numbers from -1 to 1")]
    public void Each_mistake_in_a_matrix_gets_one_message_naming_the_inputs_and_what_is_allowed(string values, string expected)
    {
        var text = UncertainRunsTests.Small + $"\ncorrelations:\n  matrix: {{ inputs: [{Capacity}, {Growth}], values: {values} }}";

        var problem = Assert.Single(Problems(text));

        Assert.Equal(expected, problem[(problem.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
    }

    [Theory]
    [InlineData("correlations: 0.3", "correlations: expected a mapping of fields (key: value lines); allowed: a mapping of the fields repair, pairs, matrix, source")]
    [InlineData("correlations:\n  matrix: 0.6", "correlations.matrix: expected a mapping of fields (key: value lines); allowed: a mapping of the fields inputs, values, source")]
    [InlineData("correlations:\n  pairs: [0.6]", "correlations.pairs[0]: expected a mapping of fields (key: value lines); allowed: a mapping of the fields inputs, rank_correlation, source")]
    public void A_correlation_section_matrix_or_pair_written_as_one_value_names_its_fields(string section, string expected)
    {
        var problem = Assert.Single(Problems(UncertainRunsTests.Small + "\n" + section));

        Assert.StartsWith("corr.yaml:", problem, StringComparison.Ordinal);
        Assert.Equal(expected, problem[(problem.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
    }

    [Fact]
    public void An_inconsistent_matrix_is_an_error_naming_the_inputs_and_the_smallest_eigenvalue_and_suggesting_repair()
    {
        var problems = Problems(Inconsistent(repair: ""));

        var problem = Assert.Single(problems);
        Assert.StartsWith("corr.yaml:22:3: correlations: the rank correlations between providers.lead.capacity_weekly_hours, shocks[0].week, zones.north.demand.annual_growth are not consistent", problem);
        Assert.Contains("smallest eigenvalue is -0.8,", problem); // 1 − 0.9 − 0.9: eigenvector (1, −1, 1)
        Assert.Contains("add repair: nearest", problem);
    }

    [Fact]
    public void With_repair_nearest_validate_and_run_warn_how_far_the_matrix_moved_and_the_summary_records_it()
    {
        using var dir = new ScratchDir(("corr.yaml", Inconsistent(repair: "repair: nearest")));

        var validate = CliRun.Of("validate", dir.File("corr.yaml"));
        var outDir = dir.Run("corr.yaml", "20", out var run);

        Assert.Equal(ExitCodes.Ok, validate.ExitCode);
        var warning = Assert.Single(validate.Error.Split('\n'), l => l.StartsWith("warning: ", StringComparison.Ordinal));
        Assert.Contains("corr.yaml: correlations: repaired to the nearest valid matrix (smallest eigenvalue was -0.8): ", warning);
        // By symmetry the nearest valid matrix moves each pair by the same amount, to ±0.5.
        Assert.Contains("rho(providers.lead.capacity_weekly_hours, shocks[0].week) 0.90 → 0.50", warning);
        Assert.Contains("rho(shocks[0].week, zones.north.demand.annual_growth) 0.90 → 0.50", warning);
        Assert.Contains("rho(providers.lead.capacity_weekly_hours, zones.north.demand.annual_growth) -0.90 → -0.50", warning);
        Assert.Contains(warning, run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(warning["warning: ".Length..].TrimEnd('\r'), summary.RootElement.GetProperty("warnings")[0].GetString());
        var correlations = summary.RootElement.GetProperty("correlations");
        Assert.True(correlations.GetProperty("repaired").GetBoolean());
        Assert.Equal(0.9, correlations.GetProperty("requested")[0][1].GetDouble());
        Assert.Equal(0.5, correlations.GetProperty("used")[0][1].GetDouble(), 6);
    }

    /// <summary>rho(a, b) = rho(b, c) = 0.9 but rho(a, c) = −0.9: no joint distribution has these.</summary>
    private static string Inconsistent(string repair) => UncertainRunsTests.Small + $$"""

        correlations:
          {{repair}}
          matrix:
            inputs: [{{Capacity}}, "{{Week}}", {{Growth}}]
            values: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]
        """;

    private static List<string> Problems(string text) =>
        [.. ScenarioLoader.ParseUncertain(text, "corr.yaml").Problems.Select(p => p.ToString())];

    /// <summary>The sampled inputs of runs 0 .. <paramref name="runs"/> − 1 through the compiled model, one array per input (sorted by path).</summary>
    private static double[][] InputColumns(string text, int runs)
    {
        var loaded = ScenarioLoader.ParseUncertain(text, "corr.yaml").Scenario!;
        var compiled = ScenarioCompiler.Compile(loaded);
        var model = compiled.NewModel();
        var row = new double[model.OutcomeCount];
        var k = loaded.Inputs.Count;
        var columns = Enumerable.Range(0, k).Select(_ => new double[runs]).ToArray();
        for (var r = 0; r < runs; r++)
        {
            model.Run(5, r, row);
            for (var j = 0; j < k; j++)
            {
                columns[j][r] = row[compiled.Schema.InputStart + j];
            }
        }
        return columns;
    }

    private sealed class ScratchDir : IDisposable
    {
        private readonly string _root = Repo.TempDir();
        private int _outputs;

        public ScratchDir(params (string Name, string Text)[] files)
        {
            foreach (var (name, text) in files)
            {
                System.IO.File.WriteAllText(Path.Combine(_root, name), text);
            }
        }

        public string File(string name) => Path.Combine(_root, name);

        public string Run(string file, string runs, params string[] more) => Run(file, runs, out _, more);

        public string Run(string file, string runs, out CliRun run, params string[] more)
        {
            var outDir = Path.Combine(_root, $"out{_outputs++}");
            run = CliRun.Of(["run", Path.Combine(_root, file), "--runs", runs, "--seed", "77", "--out", outDir, "--quiet", .. more]);
            Assert.True(run.ExitCode == ExitCodes.Ok, $"exit {run.ExitCode}: {run.Error}");
            return outDir;
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
