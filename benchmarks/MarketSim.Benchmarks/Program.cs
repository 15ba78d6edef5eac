using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MarketSim.Benchmarks.Macro.RunsPerSecondBenchmark).Assembly).Run(args);
