using BenchmarkDotNet.Running;

// marketsim ships with dynamic PGO off (src/Simulator/MarketSim.Simulator.csproj); the benchmark processes
// BenchmarkDotNet starts inherit this, so they measure the runtime settings a user gets.
Environment.SetEnvironmentVariable("DOTNET_TieredPGO", "0");
BenchmarkSwitcher.FromAssembly(typeof(MarketSim.Benchmarks.Macro.RunsPerSecondBenchmark).Assembly).Run(args);
