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
/// What Orleans costs: 10,000 Doncaster runs on every core, streamed into the summary as `marketsim run`
/// does, by the plain runner (threads and a reorder window) against an embedded silo already started
/// (experiment grain, run worker, batches handed to the client in run order). Each Orleans iteration has a
/// silo of its own, started before it and stopped after it, outside the measured time, as each `marketsim
/// run` starts one for its one experiment; the process, and so the JIT's work, stays warm from iteration to
/// iteration, as the plain runner's does. The silo's start-up is measured apart by
/// <see cref="EmbeddedSiloStartupBenchmark"/>. With <see cref="Entities"/>, both also keep
/// every provider's, zone's and commissioner's distribution (the plain runner in a sink, Orleans in the
/// entity grains), so each pair computes the same outputs. The two settings are two classes, so either
/// pair can be measured alone (<c>--filter *OrleansOverhead*</c> or <c>--filter *EntityGrainsOverhead*</c>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5, invocationCount: 1)]
public abstract class OrleansHostBenchmark
{
    private const int Runs = 10_000;
    private MarketScenario _scenario = null!;
    private string _yaml = "";
    private EmbeddedSilo _silo = null!;
    private int _experiment;

    /// <summary>Whether both sides also keep every entity's distribution.</summary>
    protected abstract bool Entities { get; }

    [GlobalSetup]
    public void Setup()
    {
        _yaml = File.ReadAllText(BenchmarkScenarios.Path("doncaster-ccash.yaml"));
        _scenario = BenchmarkScenarios.Load("doncaster-ccash.yaml");
    }

    [IterationSetup(Target = nameof(EmbeddedOrleans))]
    public void StartSilo() => _silo = EmbeddedSilo.Start(ScenarioCompiler.Instance, threads: 0).GetAwaiter().GetResult();

    [IterationCleanup(Target = nameof(EmbeddedOrleans))]
    public void StopSilo() => _silo.Dispose();

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
        ExperimentClient.Run(_silo.Grains, $"bench-{_experiment++}", spec, 0, summary).GetAwaiter().GetResult();
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
