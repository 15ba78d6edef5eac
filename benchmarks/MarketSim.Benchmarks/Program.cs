using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// marketsim ships with dynamic PGO off and the non-concurrent workstation GC (src/Simulator/MarketSim.Simulator.csproj).
// BenchmarkDotNet builds its own project for the benchmark processes and takes neither setting from this one:
// dynamic PGO reaches them through the environment they inherit, and the GC setting through a job mutator applied
// to every job (an environment variable does not override the GC setting their generated runtimeconfig.json
// carries). So the benchmarks measure the runtime settings a user gets.
Environment.SetEnvironmentVariable("DOTNET_TieredPGO", "0");
var config = DefaultConfig.Instance.AddJob(Job.Default.WithGcConcurrent(false).AsMutator());
BenchmarkSwitcher.FromAssembly(typeof(MarketSim.Benchmarks.Macro.RunsPerSecondBenchmark).Assembly).Run(args, config);
