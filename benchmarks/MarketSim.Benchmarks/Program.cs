using BenchmarkDotNet.Running;

// marketsim ships with dynamic PGO off and the non-concurrent workstation GC (src/Simulator/MarketSim.Simulator.csproj).
// The benchmark processes BenchmarkDotNet starts do not take those settings from this project, only from the
// environment they inherit, so they are set here: the benchmarks measure the runtime settings a user gets.
Environment.SetEnvironmentVariable("DOTNET_TieredPGO", "0");
Environment.SetEnvironmentVariable("DOTNET_gcConcurrent", "0");
BenchmarkSwitcher.FromAssembly(typeof(MarketSim.Benchmarks.Macro.RunsPerSecondBenchmark).Assembly).Run(args);
