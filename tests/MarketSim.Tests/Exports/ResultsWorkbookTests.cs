using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Reports.Exports;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Exports;

/// <summary>results.xlsx, read back with DocumentFormat.OpenXml, holds exactly what the CSV files hold, formatted for people.</summary>
public class ResultsWorkbookTests(ExportedRun run) : IClassFixture<ExportedRun>
{
    private readonly XlsxBook _book = XlsxBook.Read(run.File("results.xlsx"));

    [Fact]
    public void The_workbook_has_a_summary_the_risk_share_the_entity_tables_every_run_and_a_column_key_in_that_order()
    {
        Assert.Equal(["Summary", "Risk share", "Risk share differences", "Providers", "Zones", "Commissioners", "Runs", "Columns"], _book.SheetNames);
        using var manifest = JsonDocument.Parse(File.ReadAllText(run.File("manifest.json")));
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("results.xlsx", files);
        Assert.Contains("runs.parquet", files);
    }

    [Fact]
    public void Every_part_of_the_workbook_is_valid_against_the_office_open_xml_schema()
    {
        using var document = SpreadsheetDocument.Open(run.File("results.xlsx"), isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2007).Validate(document)
            .Select(e => $"{e.Part?.Uri}: {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(10)));
    }

    [Fact]
    public void Every_part_of_the_workbook_carries_one_fixed_time_so_the_same_results_give_the_same_file_byte_for_byte()
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(run.File("results.xlsx"));

        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void The_runs_sheet_equals_runs_csv_cell_for_cell()
    {
        var csv = run.Csv("runs.csv");
        var sheet = _book["Runs"];
        Assert.Equal(csv.Count, sheet.Rows.Count);
        Assert.Equal(201, csv.Count);
        for (var r = 0; r < csv.Count; r++)
        {
            Assert.Equal(csv[r].Length, sheet.Rows[r].Count(c => c is not null) + csv[r].Count(f => f.Length == 0));
            for (var c = 0; c < csv[r].Length; c++)
            {
                AssertSameCell(csv[r][c], sheet.At(r, c), r == 0, $"runs.csv row {r} column {csv[0][c]}");
            }
        }
    }

    [Fact]
    public void The_risk_share_sheet_equals_risk_share_csv_cell_for_cell_and_names_the_pool_agreements_and_partners()
    {
        foreach (var (file, name) in new[] { ("risk_share.csv", "Risk share"), ("risk_share_differences.csv", "Risk share differences") })
        {
            var csv = run.Csv(file);
            var sheet = _book[name];
            var header = sheet.FrozenRows - 1;
            Assert.Equal(csv.Count, sheet.Rows.Count - header);
            for (var c = 0; c < csv[0].Length; c++)
            {
                var column = sheet.ColumnOf(csv[0][c], header);
                Assert.True(column >= 0, $"{name} has no column {csv[0][c]}");
                for (var r = 1; r < csv.Count; r++)
                {
                    AssertSameCell(csv[r][c], sheet.At(header + r, column), false, $"{file} row {r} column {csv[0][c]}");
                }
            }
        }

        var risk = _book["Risk share"];
        var names = risk.FrozenRows - 1;
        var scenario = run.Result.Scenario;
        var pool = scenario.PooledBudgets.Single();
        for (var r = risk.FrozenRows; r < risk.Rows.Count; r++)
        {
            Assert.Equal(pool.Name, risk.At(r, risk.ColumnOf("pool_name", names))!.Text);
            var agreement = risk.At(r, risk.ColumnOf("agreement", names))!.Text;
            Assert.Equal(pool.ModelsOrDefault.Single(m => m.Id == agreement).Name, risk.At(r, risk.ColumnOf("agreement_name", names))!.Text);
            var party = risk.At(r, risk.ColumnOf("party", names))!.Text;
            var expected = scenario.Commissioners.FirstOrDefault(c => c.Id == party)?.Name ?? (party == "retained" ? "Retained in the pool" : "Providers (gain/loss share)");
            Assert.Equal(expected, risk.At(r, risk.ColumnOf("party_name", names))!.Text);
        }
        Assert.Contains(risk.Rows.Skip(risk.FrozenRows), row => row[risk.ColumnOf("party_name", names)]!.Text == "Dorset CCG (Continuing Healthcare)");
    }

    [Theory]
    [InlineData("providers.csv", "Providers")]
    [InlineData("zones.csv", "Zones")]
    [InlineData("commissioners.csv", "Commissioners")]
    public void Each_entity_sheet_equals_its_csv_file_cell_for_cell(string file, string name)
    {
        var csv = run.Csv(file);
        var sheet = _book[name];
        var header = sheet.FrozenRows - 1;
        Assert.Equal(csv.Count, sheet.Rows.Count - header);
        for (var r = 0; r < csv.Count; r++)
        {
            for (var c = 0; c < csv[r].Length; c++)
            {
                AssertSameCell(csv[r][c], sheet.At(header + r, c), r == 0, $"{file} row {r} column {csv[0][c]}");
            }
        }
        if (name == "Zones")
        {
            Assert.Contains(sheet.Rows, row => row.Count > 1 && row[1]?.Text == "Purbeck, Weymouth and Portland");
        }
    }

    [Theory]
    [InlineData("Risk share", 0)]
    [InlineData("Risk share differences", 1)]
    [InlineData("Providers", 1)]
    [InlineData("Zones", 1)]
    [InlineData("Commissioners", 1)]
    public void Each_table_sheet_has_a_frozen_row_of_labels_in_words_above_the_csv_column_names(string name, int notes)
    {
        var sheet = _book[name];
        var labels = sheet.Rows[notes];
        var columns = sheet.Rows[notes + 1];

        Assert.Equal(notes + 2, sheet.FrozenRows);
        Assert.Equal(columns.Count, labels.Count);
        for (var c = 0; c < columns.Count; c++)
        {
            Assert.True(labels[c]?.Text is { Length: > 0 }, $"{name}: column {columns[c]!.Text} has no label");
            Assert.NotEqual(columns[c]!.Text, labels[c]!.Text);
            Assert.True(labels[c]!.Bold && labels[c]!.Wrap, $"{name}: the label of {columns[c]!.Text} is not a bold wrapped header");
            Assert.False(columns[c]!.Wrap);
        }
    }

    [Fact]
    public void The_labels_give_each_measure_its_statistic_and_unit_and_name_an_agreement_by_its_name()
    {
        var agreement = run.Result.Scenario.PooledBudgets.Single().ModelsOrDefault.Single(m => m.Id == "dorset_rule").Name;

        Assert.Equal("Liability beyond contribution over the horizon, mean (£)", Label("Risk share", "mean_liability_gbp"));
        Assert.Equal("P(liability over the horizon > £0)", Label("Risk share", "p_any_overspend"));
        Assert.Equal("Liability in the worst single year, VaR 95% (£)", Label("Risk share", "worst_year_var95_gbp"));
        Assert.Equal("VaR 95% over the horizon (£)", Label("Risk share", "var95_gbp"));
        Assert.Equal("Agreement name", Label("Risk share", "agreement_name"));
        Assert.Equal("Liability over the horizon A − B, mean (£)", Label("Risk share differences", "mean_difference_gbp"));
        Assert.Equal("Exit week, median (P50, week)", Label("Providers", "exit_week_p50"));
        Assert.Equal("Reserves at end of year 1, mean (£)", Label("Providers", "reserves_gbp_year_1_mean"));
        Assert.Equal("Margin (rate − cost) in year 2, P95 (£ an hour)", Label("Providers", "margin_gbp_per_hour_year_2_p95"));
        Assert.Equal("P(exit by end of year 2, reserves exhausted)", Label("Providers", "p_reserves_exhausted_by_year_2"));
        Assert.Equal("Care hours delivered, P95 (hours)", Label("Zones", "delivered_hours_p95"));
        Assert.Equal("P(loses its lead provider), SE", Label("Zones", "p_loses_lead_se"));
        Assert.Equal("Spend, mean (£)", Label("Commissioners", "spend_gbp_mean"));
        Assert.Equal($"Liability under {agreement}, P95 (£)", Label("Commissioners", "liability_gbp__dorset__dorset_rule_p95"));
    }

    [Fact]
    public void A_long_label_wraps_in_its_cell_and_leaves_its_column_as_wide_as_the_column_name_and_values()
    {
        const string name = "liability_gbp__dorset__dorset_rule_with_p4p_mean";
        var sheet = _book["Commissioners"];
        var c = sheet.ColumnOf(name, sheet.FrozenRows - 1);
        var label = sheet.At(sheet.FrozenRows - 2, c)!;

        Assert.True(label.Wrap);
        Assert.True(label.Text!.Length > sheet.Widths[c], $"'{label.Text}' fits in {sheet.Widths[c]} characters: pick a longer label to test");
        Assert.Equal(Math.Ceiling((name.Length * 1.1) + 2), sheet.Widths[c]);
    }

    [Fact]
    public void A_column_the_labeller_does_not_know_keeps_its_name_as_its_label()
    {
        var folder = Path.Combine(Repo.TempDir(), "new-column");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(run.Folder, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        var zones = Path.Combine(folder, "zones.csv");
        File.WriteAllLines(zones, File.ReadAllLines(zones).Select((line, i) => line + (i == 0 ? ",new_measure_p95" : ",1.5")));
        var path = Path.Combine(folder, "results.xlsx");

        ResultsWorkbook.Write(path, folder, run.Result.Scenario, 7, run.Result.Summary, [], maxRunRows: 10);

        var sheet = XlsxBook.Read(path)["Zones"];
        var c = sheet.ColumnOf("new_measure_p95", sheet.FrozenRows - 1);
        Assert.Equal("new_measure_p95", sheet.At(sheet.FrozenRows - 2, c)!.Text);
        Assert.Equal("P(loses its lead provider), SE", sheet.At(sheet.FrozenRows - 2, c - 1)!.Text);
        Assert.Equal("new_metric_mean", new TableLabels(run.Result.Scenario).Of("providers.csv", "new_metric_mean"));
        Assert.Equal("p_new_by_year_1", new TableLabels(run.Result.Scenario).Of("providers.csv", "p_new_by_year_1"));
        Assert.Equal("mean_liability_gbp", new TableLabels(run.Result.Scenario).Of("other.csv", "mean_liability_gbp"));
    }

    [Fact]
    public void The_summary_states_what_was_run_and_each_headline_outcome_as_summary_json_does()
    {
        var sheet = _book["Summary"];
        Assert.Equal("Dorset pooled budget 2017-19", Value(sheet, "Scenario").Text);
        Assert.Equal(7, Value(sheet, "Seed").Number);
        Assert.Equal(200, Value(sheet, "Runs").Number);
        Assert.Equal(run.Result.Scenario.HorizonWeeks, Value(sheet, "Horizon (weeks)").Number);
        Assert.Equal(run.Result.Scenario.StartDate, SheetCell.Date(Value(sheet, "Start date").Number));
        Assert.Equal("yyyy-mm-dd", Value(sheet, "Start date").Format);
        Assert.True(sheet.Widths[1] >= "2017-04-01".Length + 2, $"the start date's column is {sheet.Widths[1]} characters wide: Excel would show ####");

        using var summary = JsonDocument.Parse(File.ReadAllText(run.File("summary.json")));
        var header = sheet.FrozenRows - 1;
        Assert.Equal(["Outcome", "Unit", "Runs with a value", "Mean", "SE", "P5", "P50", "P95", "Column"], sheet.Rows[header].Select(c => c!.Text));
        var headline = run.Result.Summary.Schema.Columns.Where(c => c.Headline).ToList();
        Assert.Equal(headline.Count, sheet.Rows.Count - header - 1);
        foreach (var (column, r) in headline.Select((c, i) => (c, header + 1 + i)))
        {
            Assert.Equal(column.Name, sheet.At(r, 8)!.Text);
            var json = summary.RootElement.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("name").GetString() == column.Name);
            if (json.GetProperty("count").GetInt64() == 0)
            {
                Assert.Null(sheet.At(r, 3));
                continue;
            }
            foreach (var (key, c) in new[] { ("mean", 3), ("se", 4), ("p5", 5), ("p50", 6), ("p95", 7) })
            {
                Assert.Equal(json.GetProperty(key).GetDouble(), sheet.At(r, c)!.Number);
            }
        }
        var spend = sheet.Rows.First(row => row.Count > 8 && row[8]?.Text == "spend_gbp__dcc");
        Assert.Equal("Dorset County Council: spend", spend[0]!.Text);
        Assert.Equal("£", spend[1]!.Text);
        Assert.Equal("\"£\"#,##0", spend[3]!.Format);
    }

    [Fact]
    public void The_summary_sheet_titles_its_table_with_the_horizon_its_totals_cover()
    {
        var sheet = _book["Summary"];

        Assert.Equal("Headline outcomes over the 2-year horizon", sheet.At(sheet.FrozenRows - 2, 0)!.Text);
        Assert.Equal("Outcome", sheet.At(sheet.FrozenRows - 1, 0)!.Text);
    }

    [Fact]
    public void Commissioners_and_pooled_budgets_csv_give_the_exact_percentiles_of_runs_csv_that_summary_json_and_risk_share_csv_give()
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(run.File("summary.json")));
        double Json(string column, string key) =>
            summary.RootElement.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("name").GetString() == column).GetProperty(key).GetDouble();
        var commissioners = Rows(run.Csv("commissioners.csv"));
        var dcc = commissioners.Single(r => r["id"] == "dcc");
        foreach (var key in new[] { "p5", "p50", "p95" })
        {
            Assert.Equal(Json("overspend_gbp__dcc", key), ExportedRun.Number(dcc[$"overspend_gbp_{key}"]));
            Assert.Equal(Json("spend_gbp__dcc", key), ExportedRun.Number(dcc[$"spend_gbp_{key}"]));
        }
        var pool = Rows(run.Csv("pooled_budgets.csv")).Single();
        Assert.Equal(Json("pool_overspend_gbp__dorset", "p5"), ExportedRun.Number(pool["overspend_gbp_p5"]));
        var rule = Rows(run.Csv("risk_share.csv")).Single(r => r["agreement"] == "dorset_rule" && r["party"] == "dcc");
        Assert.Equal(ExportedRun.Number(rule["var95_gbp"]), ExportedRun.Number(dcc["liability_gbp__dorset__dorset_rule_p95"]));
        Assert.Equal(ExportedRun.Number(rule["var95_gbp"]), ExportedRun.Number(pool["liability_gbp__dorset_rule__dcc_p95"]));
        Assert.Equal(ExportedRun.Number(rule["worst_year_var95_gbp"]), ExportedRun.Number(pool["worst_year_liability_gbp__dorset_rule__dcc_p95"]));

        var sheet = _book["Commissioners"];
        Assert.Contains("P5, P50 and P95 are the exact quantiles of runs.csv", sheet.At(0, 0)!.Text, StringComparison.Ordinal);
        var p95 = sheet.ColumnOf("liability_gbp__dorset__dorset_rule_p95", sheet.FrozenRows - 1);
        Assert.Equal(ExportedRun.Number(rule["var95_gbp"]), sheet.At(sheet.FrozenRows, p95)!.Number);
    }

    [Fact]
    public void The_commissioners_sheet_says_its_figures_are_totals_over_the_horizon_not_a_years() =>
        Assert.StartsWith("Spend, overspend, costs and liabilities are totals over the 2-year horizon, not a year's. P5, P50 and P95 are the exact quantiles of runs.csv",
            _book["Commissioners"].At(0, 0)!.Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("Providers", "P5, P50 and P95 (the _p5, _p50 and _p95 columns) are P² streaming estimates, not exact quantiles")]
    [InlineData("Zones", "P5, P50 and P95 of unmet hours, peak waiting list, provider exits and weeks without a lead are the exact quantiles of runs.csv; those of the mean waiting list and delivered hours are P² streaming estimates")]
    public void An_entity_sheet_of_P2_estimates_says_so_above_its_header(string name, string note)
    {
        var sheet = _book[name];

        Assert.Equal(3, sheet.FrozenRows);
        Assert.Equal($"{note}; see docs/outputs.md, \"Per-entity outcomes\".", sheet.At(0, 0)!.Text);
        Assert.Equal("id", sheet.At(2, 0)!.Text);
    }

    [Theory]
    [InlineData("commissioners.csv")]
    [InlineData("zones.csv")]
    [InlineData("pooled_budgets.csv")]
    public void Entity_percentiles_of_a_number_runs_csv_keeps_are_its_exact_type_7_quantiles(string file)
    {
        var runs = run.Csv("runs.csv");
        var columns = runs[0];
        var checkedColumns = 0;
        foreach (var row in Rows(run.Csv(file)))
        {
            foreach (var metric in row.Keys.Where(k => k.EndsWith("_p50", StringComparison.Ordinal)).Select(k => k[..^"_p50".Length]))
            {
                var c = Array.IndexOf(columns, RunsColumn(file, row["id"], metric));
                if (c < 0)
                {
                    continue;
                }
                var sorted = runs.Skip(1).Select(r => ExportedRun.Number(r[c])).Where(x => !double.IsNaN(x)).Order().ToArray();
                foreach (var (key, p) in new[] { ("p5", 0.05), ("p50", 0.5), ("p95", 0.95) })
                {
                    Assert.Equal(Type7(sorted, p), ExportedRun.Number(row[$"{metric}_{key}"]));
                }
                checkedColumns++;
            }
        }
        Assert.True(checkedColumns >= 2, $"{file}: only {checkedColumns} columns of runs.csv checked");
    }

    [Fact]
    public void The_risk_share_differences_sheet_says_above_its_header_that_a_difference_is_A_minus_B()
    {
        var sheet = _book["Risk share differences"];

        Assert.Equal(3, sheet.FrozenRows);
        Assert.StartsWith("A − B: agreement A's liability minus agreement B's", sheet.At(0, 0)!.Text, StringComparison.Ordinal);
        Assert.Equal("pool", sheet.At(2, 0)!.Text);
        Assert.True(sheet.ColumnOf("mean_difference_gbp", 2) >= 0);
    }

    [Fact]
    public void The_columns_and_summary_sheets_give_each_unit_in_the_words_of_summary_json_with_money_in_pounds()
    {
        // The only differences allowed: money written with £, as its cells show it, and a fraction shown as a percentage.
        using var summary = JsonDocument.Parse(File.ReadAllText(run.File("summary.json")));
        var key = _book["Columns"];
        var summarySheet = _book["Summary"].Rows.Skip(_book["Summary"].FrozenRows).ToList();

        foreach (var outcome in summary.RootElement.GetProperty("outcomes").EnumerateArray())
        {
            var (name, unit) = (outcome.GetProperty("name").GetString(), outcome.GetProperty("unit").GetString());
            var expected = unit switch
            {
                "GBP" => "£",
                "GBP per hour" => "£ an hour",
                "fraction" => "fraction, shown as %",
                _ => unit,
            };
            Assert.Equal((name, expected), (name, key.Rows.Single(r => r[0]?.Text == name)[2]!.Text));
            if (summarySheet.SingleOrDefault(r => r.Count > 8 && r[8]?.Text == name) is { } row)
            {
                Assert.Equal((name, expected), (name, row[1]!.Text));
            }
        }
        Assert.Equal("week", key.Rows.Single(r => r[0]?.Text == "first_failure_week")[2]!.Text);
        Assert.DoesNotContain("week number", File.ReadAllText(run.File("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_sheet_labels_each_outcome_in_the_words_of_report_html()
    {
        var sheet = _book["Summary"];
        var labels = new OutcomeLabels(run.Result.Scenario);
        var rows = sheet.Rows.Skip(sheet.FrozenRows).ToList();

        foreach (var column in run.Result.Summary.Schema.Columns.Where(c => c.Headline))
        {
            Assert.Equal(labels.Label(column), rows.Single(r => r[8]?.Text == column.Name)[0]!.Text);
        }
        Assert.Equal("Unmet need (care hours not delivered)", rows.Single(r => r[8]?.Text == "unmet_hours_total")[0]!.Text);
        Assert.Equal("hours", rows.Single(r => r[8]?.Text == "unmet_hours_total")[1]!.Text);
        Assert.Contains("unmet need (care hours not delivered)", File.ReadAllText(run.File("report.html")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_risk_share_differences_sheet_is_left_out_when_a_pool_has_one_agreement_and_nothing_to_compare()
    {
        var folder = Path.Combine(Repo.TempDir(), "one-agreement");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(run.Folder, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        var differences = Path.Combine(folder, "risk_share_differences.csv");
        File.WriteAllText(differences, File.ReadLines(differences).First() + "\n");
        var path = Path.Combine(folder, "results.xlsx");

        ResultsWorkbook.Write(path, folder, run.Result.Scenario, 7, run.Result.Summary, [], maxRunRows: 10);

        Assert.Equal(["Summary", "Risk share", "Providers", "Zones", "Commissioners", "Runs", "Columns"], XlsxBook.Read(path).SheetNames);
    }

    [Fact]
    public void Money_is_in_pounds_with_thousands_separators_probabilities_in_percent_and_counts_whole()
    {
        var runs = _book["Runs"];
        Assert.Equal("\"£\"#,##0", runs.At(1, runs.ColumnOf("spend_gbp__dcc"))!.Format);
        Assert.Equal("\"£\"#,##0.00", runs.At(1, runs.ColumnOf("mean_rate_gbp_per_hour"))!.Format);
        Assert.Equal("#,##0", runs.At(1, runs.ColumnOf("provider_exits"))!.Format);
        Assert.Equal("0", runs.At(1, runs.ColumnOf("run"))!.Format);
        var risk = _book["Risk share"];
        Assert.Equal("0.0%", risk.At(risk.FrozenRows, risk.ColumnOf("p_any_overspend", risk.FrozenRows - 1))!.Format);
        Assert.Equal("\"£\"#,##0", risk.At(risk.FrozenRows, risk.ColumnOf("var95_gbp", risk.FrozenRows - 1))!.Format);
        Assert.Equal("#,##0", risk.At(risk.FrozenRows, risk.ColumnOf("runs", risk.FrozenRows - 1))!.Format);
        var providers = _book["Providers"];
        Assert.Equal("0.0%", providers.At(providers.FrozenRows, providers.ColumnOf("p_exit_by_year_1", providers.FrozenRows - 1))!.Format);
    }

    [Fact]
    public void Every_sheet_has_a_bold_frozen_header_and_columns_at_least_as_wide_as_their_header()
    {
        foreach (var name in _book.SheetNames)
        {
            var sheet = _book[name];
            Assert.True(sheet.FrozenRows >= 1, $"{name} has no frozen header");
            var header = sheet.Rows[sheet.FrozenRows - 1];
            Assert.All(header.Where(c => c is not null), c => Assert.True(c!.Bold, $"{name}: header {c.Text} is not bold"));
            Assert.All(sheet.Rows.Skip(sheet.FrozenRows).SelectMany(r => r).Where(c => c is not null), c => Assert.False(c!.Bold));
            for (var c = 0; c < header.Count; c++)
            {
                Assert.True(sheet.Widths[c] >= Math.Min(60, header[c]!.Text!.Length), $"{name}: column {header[c]!.Text} is {sheet.Widths[c]} wide");
            }
        }
    }

    [Fact]
    public void A_runs_sheet_past_the_row_limit_keeps_the_first_runs_and_the_summary_says_where_the_rest_are()
    {
        var path = Path.Combine(Repo.TempDir(), "capped.xlsx");
        ResultsWorkbook.Write(path, run.Folder, run.Result.Scenario, 7, run.Result.Summary, [], maxRunRows: 50);

        var book = XlsxBook.Read(path);
        var csv = run.Csv("runs.csv");
        Assert.Equal(51, book["Runs"].Rows.Count);
        Assert.Equal(ExportedRun.Number(csv[50][3]), book["Runs"].At(50, 3)!.Number);
        Assert.Equal("the first 50 of 200 runs (Excel's row limit); every run is in runs.csv and runs.parquet", Value(book["Summary"], "Runs sheet").Text);
        Assert.Equal(1_048_575, ResultsWorkbook.MaxRunRows);
    }

    [Fact]
    public void A_runs_sheet_past_the_column_limit_keeps_every_whole_market_column_and_says_which_it_leaves_out_and_where_they_are()
    {
        var csv = run.Csv("runs.csv");
        var perEntity = csv[0].Where(c => c.Contains("__", StringComparison.Ordinal) && !c.StartsWith("input_", StringComparison.Ordinal)).ToList();
        var limit = csv[0].Length - perEntity.Count + 3;
        var path = Path.Combine(Repo.TempDir(), "wide.xlsx");

        ResultsWorkbook.Write(path, run.Folder, run.Result.Scenario, 7, run.Result.Summary, [], maxRunRows: 50, maxColumns: limit);

        var book = XlsxBook.Read(path);
        var runs = book["Runs"];
        var note = $"runs.csv has {csv[0].Length:N0} columns, more than a sheet holds (16,384, Excel's limit): this sheet has the {limit:N0} that fit, every whole-market column first, "
            + $"and leaves out the last {perEntity.Count - 3:N0} per-entity columns ({perEntity[3]} to {perEntity[^1]}); runs.csv and runs.parquet have them all.";
        Assert.Equal(note, runs.At(0, 0)!.Text);
        Assert.Equal(2, runs.FrozenRows);
        var header = runs.Rows[1].Select(c => c?.Text).ToList();
        Assert.Equal(limit, header.Count);
        Assert.Equal([.. csv[0].Where(c => !perEntity.Contains(c) || perEntity.IndexOf(c) < 3)], header);
        for (var c = 0; c < header.Count; c++)
        {
            AssertSameCell(csv[7][Array.IndexOf(csv[0], header[c])], runs.At(8, c), false, $"runs.csv row 7 column {header[c]}");
        }
        Assert.Equal("On the Runs sheet: " + note, book["Columns"].At(0, 0)!.Text);
        Assert.Equal(note, Value(book["Summary"], "Runs sheet columns").Text);
        Assert.Equal(16_384, SheetWriter.MaxColumns);
    }

    /// <summary>The column of runs.csv that metric <paramref name="metric"/> of entity <paramref name="id"/> in <paramref name="file"/> repeats, as docs/outputs.md names them.</summary>
    private static string RunsColumn(string file, string id, string metric) => file switch
    {
        "pooled_budgets.csv" when metric == "overspend_gbp" => $"pool_overspend_gbp__{id}",
        "pooled_budgets.csv" when metric.Split("__") is [var stem, var model, var party] => $"{stem}__{id}__{model}__{party}",
        _ => $"{metric}__{id}",
    };

    /// <summary>R's default quantile (type 7) of <paramref name="sorted"/>, written out here apart from the simulator's own.</summary>
    private static double Type7(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        return sorted[lo] + ((h - lo) * (sorted[Math.Min(lo + 1, sorted.Length - 1)] - sorted[lo]));
    }

    private static List<Dictionary<string, string>> Rows(List<string[]> csv) =>
        [.. csv.Skip(1).Select(r => csv[0].Zip(r).ToDictionary(p => p.First, p => p.Second))];

    /// <summary>The label above column <paramref name="column"/> of table sheet <paramref name="sheetName"/>.</summary>
    private string Label(string sheetName, string column)
    {
        var sheet = _book[sheetName];
        return sheet.At(sheet.FrozenRows - 2, sheet.ColumnOf(column, sheet.FrozenRows - 1))!.Text!;
    }

    private static XlsxCell Value(XlsxSheet sheet, string name) =>
        sheet.Rows.First(r => r.Count > 1 && r[0]?.Text == name)[1]!;

    private static void AssertSameCell(string csv, XlsxCell? cell, bool header, string where)
    {
        if (csv.Length == 0)
        {
            Assert.True(cell is null, $"{where}: empty in the CSV but {cell} in the sheet");
            return;
        }
        Assert.True(cell is not null, $"{where}: '{csv}' in the CSV but blank in the sheet");
        if (header || cell!.Text is not null)
        {
            Assert.Equal(csv, cell!.Text);
            return;
        }
        Assert.True(ExportedRun.Number(csv) == cell.Number, $"{where}: {csv} in the CSV, {cell.Number:R} in the sheet");
    }
}
