using System.Globalization;
using System.Text.Json;
using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench.Compare;
using MarketSim.Tests.Comparison;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Workbench;

/// <summary>
/// The workbench's Compare page model, on results folders written by real experiments: a small market,
/// a variant with more lead capacity run with the same seed, and the small market again with another seed.
/// </summary>
public class ExperimentComparisonTests(ExperimentComparisonTests.Folders folders) : IClassFixture<ExperimentComparisonTests.Folders>
{
    private const int Runs = 400;
    private const int FewerRunsCount = 300;

    internal const string Small = """
        name: Small market
        start_date: 2020-04-01
        horizon_years: 1
        zones:
          - id: north
            name: North
            demand:
              starting_caseload_people: 20
              weekly_referrals_people: 2
              weekly_hours: { distribution: fixed, mean: 10 }
              package_length_weeks: { distribution: exponential, mean: 10 }
              funding_mix: { council: 1 }
        providers:
          - { id: lead, role: lead, zones: [north], capacity_weekly_hours: 180, rate_gbp_per_hour: 16 }
          - { id: spot, role: spot, zones: all, capacity_weekly_hours: 30, rate_gbp_per_hour: 20 }
        commissioners:
          - { id: council, name: North Council, funds: [council], annual_budgets_gbp: [150000] }
        """;

    // A small change: the lead provider's capacity up by 10 hours a week out of 180.
    private const string MoreCapacity = """
        base: small.yaml
        name: Small market, more lead capacity
        providers:
          - { id: lead, role: lead, zones: [north], capacity_weekly_hours: 190, rate_gbp_per_hour: 16 }
        """;

    // The small market with a lead provider that fails at random (in about 39% of runs in the year), and again
    // more likely to fail (63%): the week of the first failure is empty in the runs where none failed.
    internal static readonly string FailingText = Small.Replace("rate_gbp_per_hour: 16 }", "rate_gbp_per_hour: 16, failure: { hazard_per_year: 0.5 } }", StringComparison.Ordinal);

    // The small market with its council under another name: the same commissioner id, so the same columns.
    internal static readonly string RenamedText = Small.Replace("name: North Council", "name: North County Council", StringComparison.Ordinal);

    internal static readonly string FailingMoreText = Small.Replace("rate_gbp_per_hour: 16 }", "rate_gbp_per_hour: 16, failure: { hazard_per_year: 1 } }", StringComparison.Ordinal);

    [Fact]
    public void Experiments_of_different_horizons_are_refused_with_the_message_of_marketsim_compare()
    {
        var error = Assert.Throws<ScenarioException>(() => ExperimentComparison.Read([folders.Base, folders.TwoYears]));
        var fromTheCommandLine = Assert.Throws<ScenarioException>(() => ScenarioComparison.Plan([Path.Combine(folders.Base, "scenario.yaml"), Path.Combine(folders.TwoYears, "scenario.yaml")]));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(Assert.Single(fromTheCommandLine.Problems), problem);
        Assert.Equal((Path.Combine(folders.TwoYears, "scenario.yaml"), "horizon_years"), (problem.File, problem.FieldPath));
        Assert.StartsWith($"2 years (104 weeks), but the base {Path.Combine(folders.Base, "scenario.yaml")} runs 1 year (52 weeks): totals over different periods cannot be compared; allowed: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_experiment_starting_on_another_date_is_compared_with_the_warning_of_marketsim_compare()
    {
        var comparison = ExperimentComparison.Read([folders.Base, folders.LaterStart]);
        var fromTheCommandLine = ScenarioComparison.Plan([Path.Combine(folders.Base, "scenario.yaml"), Path.Combine(folders.LaterStart, "scenario.yaml")]);

        var warning = Assert.Single(comparison.Warnings);
        Assert.Equal(Assert.Single(fromTheCommandLine.Warnings), warning);
        Assert.Contains("starts on 2020-10-01, the base", warning, StringComparison.Ordinal);
        Assert.Empty(ExperimentComparison.Read([folders.Base, folders.Variant]).Warnings);
    }

    [Fact]
    public void A_paired_difference_that_leaves_runs_out_gives_both_means_over_the_pairs()
    {
        // The base fails in more runs than the other, so its mean over all its runs is not its mean over the pairs.
        var row = ExperimentComparison.Read([folders.FailingMore, folders.Failing]).Rows.Single(r => r.Column == "first_failure_week");
        var pairs = CompareCsv.Column(Path.Combine(folders.FailingMore, "runs.csv"), row.Column).Zip(CompareCsv.Column(Path.Combine(folders.Failing, "runs.csv"), row.Column))
            .Where(p => !double.IsNaN(p.First) && !double.IsNaN(p.Second)).ToList();

        var paired = row.PairedWithBase[1]!;
        Assert.InRange(paired.LeftOut, 1, Runs - 2);
        Assert.Equal(pairs.Count, paired.Pairs);
        Assert.Equal(pairs.Average(p => p.First), paired.BaseMean, 1e-9);
        Assert.Equal(pairs.Average(p => p.Second), paired.OtherMean, 1e-9);
        Assert.Equal(paired.OtherMean - paired.BaseMean, paired.MeanDifference, 1e-9);
        Assert.NotEqual(row.PerExperiment[0].Mean, paired.BaseMean, 1e-6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Experiments_of_different_run_counts_give_both_means_over_the_common_runs_and_say_how_many_were_left_out(bool fewerIsBase)
    {
        var (baseFolder, otherFolder) = fewerIsBase ? (folders.FewerRuns, folders.Base) : (folders.Base, folders.FewerRuns);

        var comparison = ExperimentComparison.Read([baseFolder, otherFolder]);

        var row = comparison.Rows.Single(r => r.Column == "spend_gbp__council");
        var (baseRuns, otherRuns) = (CompareCsv.Column(Path.Combine(baseFolder, "runs.csv"), row.Column), CompareCsv.Column(Path.Combine(otherFolder, "runs.csv"), row.Column));
        var paired = row.PairedWithBase[1]!;
        Assert.Equal(FewerRunsCount, paired.Pairs);
        Assert.Equal(Runs - FewerRunsCount, paired.Unmatched);
        Assert.True(paired.LeavesRunsOut);
        Assert.Equal(baseRuns.Take(FewerRunsCount).Average(), paired.BaseMean, 1e-6);
        Assert.Equal(otherRuns.Take(FewerRunsCount).Average(), paired.OtherMean, 1e-6);
        Assert.Equal(paired.OtherMean - paired.BaseMean, paired.MeanDifference, 1e-6);
        Assert.Equal(baseRuns.Average(), row.PerExperiment[0].Mean, 1e-6);
        var longer = fewerIsBase ? "its" : "the base's";
        Assert.Contains($"{otherFolder} holds {otherRuns.Length} runs, the base {baseFolder} {baseRuns.Length}: differences are paired over the first {FewerRunsCount} runs, and {longer} other {Runs - FewerRunsCount} runs are left out of them; each difference gives the base and other means over the runs paired", comparison.Warnings);
    }

    [Fact]
    public void Experiments_of_the_same_run_count_leave_no_run_unmatched_and_warn_of_none()
    {
        var comparison = ExperimentComparison.Read([folders.Base, folders.Variant, folders.OtherSeed]);

        Assert.Empty(comparison.Warnings);
        Assert.All(comparison.Rows, r => Assert.Equal(0, r.PairedWithBase[1]!.Unmatched));
    }

    [Fact]
    public void Paired_difference_equals_the_mean_of_run_by_run_differences_in_runs_csv()
    {
        var comparison = ExperimentComparison.Read([folders.Base, folders.Variant]);

        Assert.True(comparison.Experiments[1].SharesBaseSeed);
        Assert.Contains(comparison.Rows, r => r.Column == "unmet_hours_total");
        foreach (var row in comparison.Rows)
        {
            Assert.Null(row.PairedWithBase[0]);
            var paired = Assert.IsType<PairedStats>(row.PairedWithBase[1]);
            var pairs = CompareCsv.Column(folders.BaseCsv, row.Column).Zip(CompareCsv.Column(folders.VariantCsv, row.Column))
                .Where(p => !double.IsNaN(p.First) && !double.IsNaN(p.Second)).ToList();
            var differences = pairs.Select(p => p.Second - p.First).ToList();
            Assert.Equal(pairs.Count, paired.Pairs);
            Assert.Equal(Runs - pairs.Count, paired.LeftOut);
            if (pairs.Count == 0)
            {
                Assert.True(double.IsNaN(paired.MeanDifference), row.Column);
                continue;
            }
            var mean = differences.Average();
            var sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1));
            var scale = Math.Max(1, differences.Max(Math.Abs));
            Assert.Equal(mean, paired.MeanDifference, 1e-9 * scale);
            Assert.Equal(sd / Math.Sqrt(differences.Count), paired.StandardError, 1e-9 * scale);
            Assert.Equal(1.959963984540054 * paired.StandardError, paired.HalfWidth95, 1e-12 * scale);
            var worse = row.WorseWhen switch
            {
                WorseWhen.Higher => pairs.Count(p => p.Second > p.First) / (double)pairs.Count,
                WorseWhen.Lower => pairs.Count(p => p.Second < p.First) / (double)pairs.Count,
                _ => double.NaN,
            };
            Assert.Equal(worse, paired.ProbabilityWorse);
        }
        var unmet = comparison.Rows.Single(r => r.Column == "unmet_hours_total").PairedWithBase[1]!;
        Assert.True(unmet.MeanDifference + unmet.HalfWidth95 < 0, "more capacity leaves less need unmet");
    }

    [Fact]
    public void Experiments_with_different_seeds_are_compared_unpaired()
    {
        var comparison = ExperimentComparison.Read([folders.Base, folders.Variant, folders.OtherSeed]);

        Assert.Equal([true, true, false], comparison.Experiments.Select(e => e.SharesBaseSeed));
        Assert.Equal([7UL, 7UL, 8UL], comparison.Experiments.Select(e => e.Seed));
        Assert.All(comparison.Rows, r =>
        {
            Assert.Equal(3, r.PerExperiment.Count);
            Assert.NotNull(r.PairedWithBase[1]);
            Assert.Null(r.PairedWithBase[2]);
        });
        var unmet = comparison.Rows.Single(r => r.Column == "unmet_hours_total");
        var other = CompareCsv.Column(folders.OtherSeedCsv, "unmet_hours_total");
        Assert.Equal(other.Average(), unmet.PerExperiment[2].Mean, 1e-9 * other.Max());
        Assert.Equal(Math.Sqrt(Math.Pow(unmet.PerExperiment[0].StandardError, 2) + Math.Pow(unmet.PerExperiment[2].StandardError, 2)), unmet.UnpairedStandardError(2), 1e-12);
    }

    [Theory]
    [InlineData("unmet_hours_total")]
    [InlineData("spot_hours_total")]
    [InlineData("spend_gbp__council")]
    [InlineData("peak_waiting_list_people")]
    public void The_paired_standard_error_is_smaller_than_the_unpaired_one_for_a_small_change(string column)
    {
        // Common random numbers: the variant meets the same referrals run by run, so most of the runs'
        // spread cancels in OTHER − BASE (about 5.6 against 38 hours for unmet need, seed 7).
        var row = ExperimentComparison.Read([folders.Base, folders.Variant]).Rows.Single(r => r.Column == column);

        var paired = row.PairedWithBase[1]!;
        Assert.NotEqual(0, paired.MeanDifference);
        Assert.True(paired.StandardError < row.UnpairedStandardError(1) / 3, $"{column}: paired SE {paired.StandardError}, unpaired {row.UnpairedStandardError(1)}");
    }

    [Fact]
    public void A_folder_without_runs_csv_gets_a_message_naming_the_folder_and_file()
    {
        var broken = Path.Combine(folders.Root, "no-runs");
        Directory.CreateDirectory(broken);
        foreach (var file in new[] { "manifest.json", "scenario.yaml", "summary.json" })
        {
            File.Copy(Path.Combine(folders.Base, file), Path.Combine(broken, file), overwrite: true);
        }

        var error = Assert.ThrowsAny<IOException>(() => ExperimentComparison.Read([folders.Base, broken]));

        Assert.Contains(broken, error.Message);
        Assert.Contains("runs.csv", error.Message);
    }

    [Fact]
    public void A_folder_that_is_not_a_results_folder_gets_a_message_naming_the_folder_and_manifest()
    {
        var empty = Path.Combine(folders.Root, "empty");
        Directory.CreateDirectory(empty);

        var error = Assert.ThrowsAny<IOException>(() => ExperimentComparison.Read([empty]));

        Assert.Contains(empty, error.Message);
        Assert.Contains("manifest.json", error.Message);
    }

    [Fact]
    public void A_runs_csv_with_fewer_rows_than_the_manifest_states_is_reported_with_its_file()
    {
        var cut = Path.Combine(folders.Root, "cut");
        Directory.CreateDirectory(cut);
        foreach (var file in new[] { "manifest.json", "scenario.yaml" })
        {
            File.Copy(Path.Combine(folders.Base, file), Path.Combine(cut, file), overwrite: true);
        }
        File.WriteAllLines(Path.Combine(cut, "runs.csv"), File.ReadLines(folders.BaseCsv).Take(11));

        var error = Assert.Throws<InvalidDataException>(() => ExperimentComparison.Read([cut]));

        Assert.Contains(Path.Combine(cut, "runs.csv"), error.Message);
        Assert.Contains($"{Path.Combine(cut, "runs.csv")} holds 10 runs, but {Path.Combine(cut, "manifest.json")} states {Runs}", error.Message);
    }

    [Fact]
    public void Comparing_an_experiment_with_itself_gives_zero_difference_with_zero_error()
    {
        var comparison = ExperimentComparison.Read([folders.Base, folders.Base]);

        Assert.All(comparison.Rows, r =>
        {
            Assert.Equal(r.PerExperiment[0], r.PerExperiment[1]);
            var paired = r.PairedWithBase[1]!;
            if (paired.Pairs > 0)
            {
                Assert.Equal((0.0, 0.0, 0.0), (paired.MeanDifference, paired.StandardError, paired.HalfWidth95));
                Assert.Equal(r.WorseWhen == WorseWhen.Neither ? double.NaN : 0, paired.ProbabilityWorse);
            }
        });
    }

    [Fact]
    public void Run_by_run_differences_that_cancel_give_a_difference_of_zero_not_rounding_noise()
    {
        // The base with one more hand-back in run 1 and one fewer in run 6: the differences sum to 0, but a running
        // mean of them ends 4e-19 from it, which the page wrote as "−0.000000000000000".
        var cancelling = Path.Combine(folders.Root, "cancelling");
        Directory.CreateDirectory(cancelling);
        foreach (var file in new[] { "manifest.json", "scenario.yaml" })
        {
            File.Copy(Path.Combine(folders.Base, file), Path.Combine(cancelling, file), overwrite: true);
        }
        var lines = File.ReadAllLines(folders.BaseCsv);
        var column = Array.IndexOf(lines[0].Split(','), "hand_backs");
        foreach (var (line, change) in new[] { (1, 1), (6, -1) })
        {
            var fields = lines[line].Split(',');
            fields[column] = (int.Parse(fields[column], CultureInfo.InvariantCulture) + change).ToString(CultureInfo.InvariantCulture);
            lines[line] = string.Join(',', fields);
        }
        File.WriteAllLines(Path.Combine(cancelling, "runs.csv"), lines);

        var paired = ExperimentComparison.Read([folders.Base, cancelling]).Rows.Single(r => r.Column == "hand_backs").PairedWithBase[1]!;

        Assert.Equal(Runs, paired.Pairs);
        Assert.Equal(0.0, paired.MeanDifference);
        Assert.True(paired.StandardError > 0);
    }

    [Fact]
    public void Each_experiments_mean_standard_error_and_quantiles_are_those_of_its_summary_json()
    {
        var comparison = ExperimentComparison.Read([folders.Base, folders.OtherSeed]);

        foreach (var (folder, i) in new[] { (folders.Base, 0), (folders.OtherSeed, 1) })
        {
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
            foreach (var outcome in summary.RootElement.GetProperty("outcomes").EnumerateArray())
            {
                var stats = comparison.Rows.Single(r => r.Column == outcome.GetProperty("name").GetString()).PerExperiment[i];
                Assert.Equal(outcome.GetProperty("count").GetInt64(), stats.Count);
                Assert.Equal(outcome.GetProperty("missing").GetInt64(), stats.Missing);
                if (stats.Count == 0)
                {
                    Assert.True(double.IsNaN(stats.Mean));
                    continue;
                }
                Assert.Equal(outcome.GetProperty("mean").GetDouble(), stats.Mean);
                Assert.Equal(outcome.GetProperty("se").GetDouble(), stats.StandardError);
                if (outcome.TryGetProperty("p5", out var p5))
                {
                    Assert.Equal((p5.GetDouble(), outcome.GetProperty("p50").GetDouble(), outcome.GetProperty("p95").GetDouble()), (stats.P5, stats.P50, stats.P95));
                }
            }
        }
    }

    [Fact]
    public void Rows_put_headline_outcomes_first_labelled_in_the_scenarios_names_with_their_units()
    {
        var comparison = ExperimentComparison.Read([folders.Base, folders.Variant]);

        Assert.Equal(["Small market", "Small market, more lead capacity"], comparison.Experiments.Select(e => e.ScenarioName));
        Assert.Equal(Runs, comparison.Experiments[1].Runs);
        var headline = comparison.Rows.TakeWhile(r => r.Headline).Count();
        Assert.InRange(headline, 10, comparison.Rows.Count - 10);
        Assert.All(comparison.Rows.Skip(headline), r => Assert.False(r.Headline));
        Assert.Equal("caseload_mean_people", comparison.Rows[0].Column);
        Assert.DoesNotContain(comparison.Rows, r => r.Column == "run");
        var spend = comparison.Rows.Single(r => r.Column == "spend_gbp__council");
        Assert.Equal(("Spend: North Council", "GBP", true), (spend.Label, spend.Unit, spend.Headline));
        Assert.Equal(WorseWhen.Higher, spend.WorseWhen);
        var referrals = comparison.Rows.Single(r => r.Column == "referrals_total");
        Assert.Equal(("Referrals (people)", "people", false, WorseWhen.Neither), (referrals.Label, referrals.Unit, referrals.Headline, referrals.WorseWhen));
    }

    [Fact]
    public void A_commissioner_the_experiments_name_differently_is_labelled_with_each_name_and_the_experiments_that_use_it()
    {
        var two = ExperimentComparison.Read([folders.Base, folders.Renamed]);
        var three = ExperimentComparison.Read([folders.Base, folders.Renamed, folders.Variant]);

        Assert.Equal("Spend: North Council (base) vs North County Council (other)", two.Rows.Single(r => r.Column == "spend_gbp__council").Label);
        Assert.Equal("Spend: North Council (base, 2) vs North County Council (1)", three.Rows.Single(r => r.Column == "spend_gbp__council").Label);
        Assert.Equal("Spend: North Council", ExperimentComparison.Read([folders.Base, folders.Variant]).Rows.Single(r => r.Column == "spend_gbp__council").Label);
        Assert.Equal("Unmet care (hours)", three.Rows.Single(r => r.Column == "unmet_hours_total").Label);
    }

    /// <summary>The results folders, run once for the class and deleted after it.</summary>
    public sealed class Folders : IDisposable
    {
        public Folders()
        {
            Root = Repo.TempDir();
            File.WriteAllText(Path.Combine(Root, "small.yaml"), Small);
            File.WriteAllText(Path.Combine(Root, "more.yaml"), MoreCapacity);
            File.WriteAllText(Path.Combine(Root, "two-years.yaml"), Small.Replace("horizon_years: 1", "horizon_years: 2", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(Root, "later.yaml"), Small.Replace("2020-04-01", "2020-10-01", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(Root, "failing.yaml"), FailingText);
            File.WriteAllText(Path.Combine(Root, "failing-more.yaml"), FailingMoreText);
            File.WriteAllText(Path.Combine(Root, "renamed.yaml"), RenamedText);
            Base = Run("small.yaml", 7, "base");
            Variant = Run("more.yaml", 7, "more");
            OtherSeed = Run("small.yaml", 8, "seed8");
            TwoYears = Run("two-years.yaml", 7, "two-years");
            LaterStart = Run("later.yaml", 7, "later");
            Failing = Run("failing.yaml", 7, "failing");
            FailingMore = Run("failing-more.yaml", 7, "failing-more");
            Renamed = Run("renamed.yaml", 7, "renamed");
            FewerRuns = Run("more.yaml", 7, "more-fewer-runs", FewerRunsCount);
        }

        public string Root { get; }

        public string Base { get; }

        public string Variant { get; }

        public string OtherSeed { get; }

        public string TwoYears { get; }

        public string LaterStart { get; }

        public string Failing { get; }

        public string FailingMore { get; }

        public string Renamed { get; }

        /// <summary>The variant with more lead capacity, seed 7, over <see cref="FewerRunsCount"/> runs rather than <see cref="Runs"/>.</summary>
        public string FewerRuns { get; }

        public string BaseCsv => Path.Combine(Base, "runs.csv");

        public string VariantCsv => Path.Combine(Variant, "runs.csv");

        public string OtherSeedCsv => Path.Combine(OtherSeed, "runs.csv");

        public void Dispose() => Directory.Delete(Root, recursive: true);

        private string Run(string scenario, ulong seed, string name, int runs = Runs)
        {
            var folder = Path.Combine(Root, name);
            Experiment.Run(new ExperimentOptions(Path.Combine(Root, scenario), runs, seed, folder, Threads: 2));
            return folder;
        }
    }
}
