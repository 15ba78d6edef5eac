using System.Text.Json;
using DuckDB.NET.Data;
using MarketSim.Grains.Outcomes;
using MarketSim.Simulator.Reports.Exports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace MarketSim.Tests.Exports;

/// <summary>runs.parquet holds runs.csv's values, typed, with units: read back with Parquet.Net and, independently, with DuckDB.</summary>
public class RunsParquetTests(ExportedRun run) : IClassFixture<ExportedRun>
{
    private static readonly string[] WholeColumns = ["run", "referrals_total", "provider_failures", "hand_backs", "first_failure_week", "exits_forced", "peak_waiting_list__east", "weeks_without_lead__east"];

    [Fact]
    public async Task Runs_parquet_read_with_Parquet_Net_equals_runs_csv_value_for_value()
    {
        var csv = run.Csv("runs.csv");
        var (fields, columns) = await ReadWithParquetNet(run.File("runs.parquet"));

        Assert.Equal(csv[0], fields.Select(f => f.Name));
        foreach (var name in WholeColumns)
        {
            Assert.Equal(typeof(long), fields.Single(f => f.Name == name).ClrType);
        }
        Assert.Equal(typeof(double), fields.Single(f => f.Name == "spend_gbp__dcc").ClrType);
        Assert.Equal(typeof(double), fields.Single(f => f.Name == "caseload_mean_people").ClrType);
        Assert.False(fields[0].IsNullable);
        AssertEqualsCsv(csv, columns);
    }

    [Fact]
    public void Runs_parquet_read_by_DuckDB_equals_runs_csv_value_for_value()
    {
        var csv = run.Csv("runs.csv");
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet('{run.File("runs.parquet")}') ORDER BY run";
        using var reader = command.ExecuteReader();

        Assert.Equal(csv[0], Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        Assert.Equal(typeof(long), reader.GetFieldType(0));
        Assert.Equal(typeof(long), reader.GetFieldType(Array.IndexOf(csv[0], "provider_failures")));
        Assert.Equal(typeof(double), reader.GetFieldType(Array.IndexOf(csv[0], "spend_gbp__dcc")));
        var columns = csv[0].Select(_ => new List<double>()).ToList();
        while (reader.Read())
        {
            for (var c = 0; c < reader.FieldCount; c++)
            {
                columns[c].Add(reader.IsDBNull(c) ? double.NaN : reader.GetFieldType(c) == typeof(long) ? reader.GetInt64(c) : reader.GetDouble(c));
            }
        }
        AssertEqualsCsv(csv, columns);
    }

    [Fact]
    public async Task Runs_parquet_holds_each_columns_unit_and_description_and_what_was_run_in_its_metadata()
    {
        var schema = run.Result.Summary.Schema;
        await using var reader = await ParquetReader.CreateAsync(run.File("runs.parquet"));
        var metadata = reader.CustomMetadata;
        var units = JsonSerializer.Deserialize<Dictionary<string, string>>(metadata["marketsim.units"])!;
        var descriptions = JsonSerializer.Deserialize<Dictionary<string, string>>(metadata["marketsim.descriptions"])!;
        Assert.Equal("index", units["run"]);
        foreach (var column in schema.Columns)
        {
            Assert.Equal(column.Unit, units[column.Name]);
            Assert.Equal(column.Description, descriptions[column.Name]);
        }
        Assert.Equal("GBP", units["spend_gbp__dcc"]);
        Assert.Equal("200", metadata["marketsim.runs"]);
        Assert.Equal("7", metadata["marketsim.seed"]);
        Assert.Equal("Dorset pooled budget 2017-19", metadata["marketsim.scenario"]);
        Assert.Equal("2017-04-01", metadata["marketsim.start_date"]);
        Assert.Equal("104", metadata["marketsim.horizon_weeks"]);
        Assert.Equal(JsonDocument.Parse(File.ReadAllText(run.File("manifest.json"))).RootElement.GetProperty("scenario_sha256").GetString(), metadata["marketsim.scenario_sha256"]);

        using var group = reader.OpenRowGroupReader(0);
        var spend = reader.Schema.DataFields.Single(f => f.Name == "spend_gbp__dcc");
        Assert.Equal("GBP", group.GetCustomMetadata(spend)["unit"]);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{run.File("runs.parquet")}') WHERE decode(key) = 'marketsim.units'";
        Assert.Equal(metadata["marketsim.units"], (string)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task Docs_outputs_md_names_every_workbook_sheet_every_metadata_key_and_every_int64_column()
    {
        var docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "outputs.md"));
        foreach (var sheet in XlsxBook.Read(run.File("results.xlsx")).SheetNames)
        {
            Assert.Contains(sheet, docs);
        }
        await using var reader = await ParquetReader.CreateAsync(run.File("runs.parquet"));
        foreach (var key in reader.CustomMetadata.Keys)
        {
            Assert.Contains($"`{key}`", docs);
        }
        var section = docs[docs.IndexOf("### runs.parquet", StringComparison.Ordinal)..];
        foreach (var field in reader.Schema.DataFields.Where(f => f.ClrType == typeof(long)))
        {
            var documented = field.Name.Contains("__", StringComparison.Ordinal) ? field.Name[..(field.Name.IndexOf("__", StringComparison.Ordinal) + 2)] + "ID" : field.Name;
            Assert.Contains($"`{documented}`", section);
        }
    }

    [Fact]
    public async Task Runs_parquet_is_written_in_row_groups_whose_rows_follow_on_in_run_order()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml"));
        var schema = new OutcomeSchema(scenario);
        var path = Path.Combine(Repo.TempDir(), "runs.parquet");
        var expected = new List<double[]>();
        int groupRows;
        using (var writer = new RunsParquetWriter(path, schema, [], scenario, 1))
        {
            groupRows = writer.RowGroupRows;
            var runs = (2 * groupRows) + 17;
            var random = new Random(5);
            for (var first = 0; first < runs; first += 64)
            {
                var count = Math.Min(64, runs - first);
                var batch = new double[count * schema.Stride];
                for (var r = 0; r < count; r++)
                {
                    var row = new double[schema.Count];
                    for (var c = 0; c < schema.Count; c++)
                    {
                        row[c] = ExportColumns.IsWholeNumber(schema.Columns[c].Name, []) ? random.Next(0, 9) : random.NextDouble() * 1e6;
                    }
                    row[OutcomeSchema.FirstFailureWeek] = r % 3 == 0 ? double.NaN : row[OutcomeSchema.FirstFailureWeek];
                    row[OutcomeSchema.RateGap] = r % 5 == 0 ? double.NaN : row[OutcomeSchema.RateGap];
                    row.CopyTo(batch, r * schema.Stride);
                    expected.Add(row);
                }
                writer.Accept(first, count, batch);
            }
        }

        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(3, reader.RowGroupCount);
        Assert.InRange(groupRows, 1024, RunsParquetWriter.MaxRowGroupRows);
        var (_, columns) = await ReadWithParquetNet(path);
        Assert.Equal(Enumerable.Range(0, expected.Count).Select(i => (double)i), columns[0]);
        for (var c = 0; c < schema.Count; c++)
        {
            Assert.Equal(expected.Select(row => row[c]), columns[c + 1]);
        }
    }

    [Fact]
    public void A_fraction_in_a_whole_number_column_is_refused_rather_than_rounded()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml"));
        var schema = new OutcomeSchema(scenario);
        var row = new double[schema.Stride];
        row[OutcomeSchema.ProviderFailures] = 1.5;
        var writer = new RunsParquetWriter(Path.Combine(Repo.TempDir(), "runs.parquet"), schema, [], scenario, 1);
        writer.Accept(0, 1, row);

        var refused = Assert.Throws<InvalidOperationException>(writer.Dispose);
        Assert.Contains("provider_failures", refused.Message);
    }

    private static async Task<(DataField[] Fields, List<List<double>> Columns)> ReadWithParquetNet(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        var columns = fields.Select(_ => new List<double>()).ToList();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            for (var c = 0; c < fields.Length; c++)
            {
                if (fields[c].ClrType == typeof(long) && !fields[c].IsNullable)
                {
                    var values = new long[rows];
                    await group.ReadAsync<long>(fields[c], values.AsMemory());
                    columns[c].AddRange(values.Select(v => (double)v));
                }
                else if (fields[c].ClrType == typeof(long))
                {
                    var values = new long?[rows];
                    await group.ReadAsync<long>(fields[c], values.AsMemory());
                    columns[c].AddRange(values.Select(v => v is { } x ? x : double.NaN));
                }
                else
                {
                    var values = new double?[rows];
                    await group.ReadAsync<double>(fields[c], values.AsMemory());
                    columns[c].AddRange(values.Select(v => v ?? double.NaN));
                }
            }
        }
        return (fields, columns);
    }

    private static void AssertEqualsCsv(List<string[]> csv, List<List<double>> columns)
    {
        Assert.Equal(csv.Count - 1, columns[0].Count);
        for (var c = 0; c < csv[0].Length; c++)
        {
            for (var r = 1; r < csv.Count; r++)
            {
                var expected = ExportedRun.Number(csv[r][c]);
                var actual = columns[c][r - 1];
                Assert.True(expected.Equals(actual), $"runs.csv row {r} column {csv[0][c]}: {csv[r][c]} in the CSV, {actual:R} in runs.parquet");
            }
        }
        Assert.Contains(columns[Array.IndexOf(csv[0], "first_failure_week")], double.IsNaN);
    }
}
