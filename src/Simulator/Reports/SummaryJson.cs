using System.Globalization;
using System.Text.Json;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;
using MarketSim.Grains.Uncertainty.Correlation;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Writes summary.json: the experiment's identity (scenario, seed, runs, and the start date and horizon the runs cover) and, for every outcome column, its unit, mean,
/// standard deviation, Monte Carlo standard error, minimum and maximum over the runs where it applies
/// (count) and how many runs it did not (missing), and for headline columns P5, P25, P50, P75 and
/// P95; a statistic over no runs is null. Holds no timings, so it is byte-identical across thread counts.
/// </summary>
public static class SummaryJson
{
    /// <summary>
    /// Writes the summary to <paramref name="path"/>; with <paramref name="inputs"/>, an <c>uncertain_inputs</c> list
    /// (path, column, distribution, parameters) follows the outcomes, then the <c>correlations</c> requested and used
    /// between them, then any <c>warnings</c> the scenario gave when it was loaded.
    /// </summary>
    public static void Write(string path, MarketScenario scenario, ulong seed, OutcomeSummary summary, IReadOnlyList<UncertainInput>? inputs = null,
        ScenarioCorrelations? correlations = null, IReadOnlyList<ScenarioProblem>? warnings = null)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("scenario", scenario.Name);
        json.WriteNumber("seed", seed);
        json.WriteNumber("runs", summary.Runs);
        json.WriteString("start_date", scenario.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("horizon_weeks", scenario.HorizonWeeks);
        json.WriteNumber("horizon_years", scenario.HorizonWeeks / (double)MarketScenario.WeeksPerYear);
        json.WriteStartArray("outcomes");
        for (var c = 0; c < summary.Schema.Count; c++)
        {
            var column = summary.Schema.Columns[c];
            var m = summary.Moments[c];
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("unit", column.Unit);
            json.WriteString("description", column.Description);
            json.WriteNumber("count", m.Count);
            json.WriteNumber("missing", m.Missing);
            var any = m.Count > 0;
            Number(json, "mean", any ? m.Mean : double.NaN);
            Number(json, "sd", any ? m.StdDev : double.NaN);
            Number(json, "se", any ? m.StdError : double.NaN);
            Number(json, "min", m.Min);
            Number(json, "max", m.Max);
            if (column.Headline && m.Count > 0)
            {
                foreach (var p in OutcomeSummary.Probabilities)
                {
                    Number(json, $"p{p * 100:0}", summary.Quantile(c, p)!.Value);
                }
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (inputs is { Count: > 0 })
        {
            Inputs(json, inputs);
        }
        if (correlations is not null)
        {
            Correlations(json, correlations);
        }
        if (warnings is { Count: > 0 })
        {
            json.WriteStartArray("warnings");
            foreach (var warning in warnings)
            {
                json.WriteStringValue(warning.ToString());
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void Correlations(Utf8JsonWriter json, ScenarioCorrelations correlations)
    {
        json.WriteStartObject("correlations");
        json.WriteString("method", "iman_conover");
        json.WriteNumber("block_runs", InputSampler.BlockRuns);
        json.WriteBoolean("repaired", correlations.Repair is not null);
        if (correlations.Source is { } source)
        {
            json.WriteString("source", source);
        }
        json.WriteStartArray("inputs");
        foreach (var name in correlations.Requested.InputNames)
        {
            json.WriteStringValue(name);
        }
        json.WriteEndArray();
        Matrix(json, "requested", correlations.Requested);
        Matrix(json, "used", correlations.Used);
        json.WriteEndObject();
    }

    private static void Matrix(Utf8JsonWriter json, string name, RankCorrelationMatrix matrix)
    {
        json.WriteStartArray(name);
        for (var i = 0; i < matrix.Count; i++)
        {
            json.WriteStartArray();
            for (var j = 0; j < matrix.Count; j++)
            {
                json.WriteNumberValue(matrix[i, j]);
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void Inputs(Utf8JsonWriter json, IReadOnlyList<UncertainInput> inputs)
    {
        json.WriteStartArray("uncertain_inputs");
        foreach (var input in inputs)
        {
            json.WriteStartObject();
            json.WriteString("path", input.Path);
            json.WriteString("column", input.ColumnName);
            json.WriteString("unit", input.Unit);
            json.WriteString("distribution", input.Distribution.Kind);
            json.WriteStartObject("parameters");
            foreach (var p in input.Distribution.Parameters)
            {
                if (p.Name is "values" or "weights")
                {
                    json.WriteStartArray(p.Name);
                    foreach (var v in p.Values)
                    {
                        json.WriteNumberValue(v);
                    }
                    json.WriteEndArray();
                }
                else
                {
                    json.WriteNumber(p.Name, p.Values[0]);
                }
            }
            json.WriteEndObject();
            json.WriteBoolean("whole_number", input.WholeNumber);
            Number(json, "exact_mean", input.Distribution.Mean);
            Number(json, "exact_sd", Math.Sqrt(input.Distribution.Variance));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
