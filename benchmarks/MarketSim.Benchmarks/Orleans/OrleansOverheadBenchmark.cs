using BenchmarkDotNet.Attributes;
using MarketSim.Grains.Experiments;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Hosting;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Benchmarks.Orleans;

/// <summary>
/// What Orleans costs a run: 10,000 Doncaster runs on every core, streamed into the summary as `marketsim run`
/// does, by the plain runner (threads and a reorder window) against an embedded silo already started and warm
/// (experiment grain, run workers, batches handed to the client in run order). With <see cref="Entities"/>, both
/// also keep every provider's, zone's and commissioner's distribution (the plain runner in a sink, Orleans in the
/// entity grains), so each pair computes the same outputs.
/// <para>
/// This 2-core VM drifts by 10% and more within a minute, more than the 3% the pair must resolve, and dynamic PGO
/// makes the model's machine code differ a little from process to process. So both hosts run in one process
/// (BenchmarkDotNet's in-process toolchain), on the same compiled model, and in <see cref="PairCount"/>
/// <see cref="Pair"/>s, plain runner then Orleans, one iteration each, so a pair's two iterations are seconds apart:
/// BenchmarkDotNet gives each pair's ratio, and the mean of the ratios, with its standard error, is the figure.
/// Start-up is kept out and measured apart (<see cref="EmbeddedSiloStartupBenchmark"/>, the cold-start benchmark):
/// one silo serves every pair, started before the first, and before the first pair each host runs
/// <see cref="WarmUpExperiments"/> untimed experiments, so that the JIT has settled. The two settings are two
/// classes, so either can be measured alone (<c>--filter *OrleansOverhead*</c> or <c>--filter *EntityGrainsOverhead*</c>).
/// </para>
/// </summary>
[Config(typeof(InProcessPairConfig))]
[MemoryDiagnoser]
public abstract class OrleansHostBenchmark
{
    /// <summary>How many times the pair runs.</summary>
    public const int PairCount = 24;

    /// <summary>Untimed experiments each host runs before the first pair, so that the JIT has settled.</summary>
    private const int WarmUpExperiments = 5;

    private const int Runs = 10_000;
    private static EmbeddedSilo? _silo;
    private static int _experiment;
    private MarketScenario _scenario = null!;
    private string _yaml = "";

    /// <summary>Which repetition of the pair (1 to <see cref="PairCount"/>); it changes nothing in the work.</summary>
    [ParamsSource(nameof(Pairs))]
    public int Pair { get; set; }

    /// <summary>1 to <see cref="PairCount"/>.</summary>
    public static IEnumerable<int> Pairs => Enumerable.Range(1, PairCount);

    /// <summary>Whether both sides also keep every entity's distribution.</summary>
    protected abstract bool Entities { get; }

    [GlobalSetup(Target = nameof(PlainRunner))]
    public void SetupPlain()
    {
        Load();
        WarmUp(PlainRunner);
    }

    [GlobalSetup(Target = nameof(EmbeddedOrleans))]
    public void SetupSilo()
    {
        Load();
        _silo ??= EmbeddedSilo.Start(ScenarioCompiler.Instance, threads: 0).GetAwaiter().GetResult();
        WarmUp(EmbeddedOrleans);
    }

    [GlobalCleanup(Target = nameof(EmbeddedOrleans))]
    public void StopSiloAfterLastPair()
    {
        if (Pair == PairCount)
        {
            _silo?.Dispose();
            _silo = null;
        }
    }

    private void Load()
    {
        _yaml = File.ReadAllText(BenchmarkScenarios.Path("doncaster-ccash.yaml"));
        _scenario = BenchmarkScenarios.Load("doncaster-ccash.yaml");
    }

    /// <summary>Runs the untimed experiments before the first pair; later pairs find the JIT settled.</summary>
    private void WarmUp(Func<double> experiment)
    {
        if (Pair != 1)
        {
            return;
        }
        for (var i = 0; i < WarmUpExperiments; i++)
        {
            experiment();
        }
    }

    [Benchmark(Baseline = true, Description = "plain runner, 10,000 runs")]
    public double PlainRunner()
    {
        var schema = new OutcomeSchema(_scenario);
        using var summary = new OutcomeSummary(schema);
        IOutcomeSink sink = Entities ? new FanOutSink(summary, new EntityOutcomeSink(schema)) : summary;
        MonteCarloRunner.Run(() => new Market(_scenario), new RunPlan(42, Runs), sink);
        return summary.Moments[OutcomeSchema.UnmetHours].Mean;
    }

    [Benchmark(Description = "embedded Orleans silo, 10,000 runs")]
    public double EmbeddedOrleans()
    {
        using var summary = new OutcomeSummary(new OutcomeSchema(_scenario));
        var spec = new ExperimentSpec(_yaml, 42, Runs, 64, Entities);
        ExperimentClient.Run(_silo!.Grains, $"bench-{_experiment++}", spec, summary).GetAwaiter().GetResult();
        return summary.Moments[OutcomeSchema.UnmetHours].Mean;
    }
}

/// <summary>The Orleans host against the plain runner, runs only.</summary>
public class OrleansOverheadBenchmark : OrleansHostBenchmark
{
    /// <inheritdoc />
    protected override bool Entities => false;
}

/// <summary>The Orleans host with its entity grains against the plain runner with the same distributions in a sink.</summary>
public class EntityGrainsOverheadBenchmark : OrleansHostBenchmark
{
    /// <inheritdoc />
    protected override bool Entities => true;
}
