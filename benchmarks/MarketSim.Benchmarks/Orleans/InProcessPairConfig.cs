using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MarketSim.Benchmarks.Orleans;

/// <summary>
/// Every case of a class in BenchmarkDotNet's own process, one invocation an iteration, and the cases of a
/// parameter value run one after the other: for pairs that must run the same JIT-compiled model and be measured
/// close together in time (see <see cref="OrleansHostBenchmark"/>).
/// </summary>
public sealed class InProcessPairConfig : ManualConfig
{
    /// <summary>The job: in process, no pilot and no warm-up (the benchmark warms up in its set-up), one iteration of one invocation.</summary>
    public InProcessPairConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1).WithInvocationCount(1).WithUnrollFactor(1));
}
