using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace MarketSim.Benchmarks.Macro;

/// <summary>
/// Issue 14's third workload: 1,000 Doncaster runs end to end from a cold process. Each operation starts
/// `marketsim run --runs 1000 --threads 2` as a child process, so it pays the runtime's start, the JIT, the
/// embedded silo's start and the results folder, as a user does. <see cref="Build"/> compares the CLI published
/// ReadyToRun (as scripts/install.sh does; published once, in the global setup, into a temporary folder)
/// with the plain JIT build beside the benchmark. Goal: at most 1.5 s an operation.
/// </summary>
/// <remarks>The memory diagnoser sees only this process (starting the child), not the child's own allocations.</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ColdStartBenchmark
{
    private const int Runs = 1_000;
    private string _published = "";
    private string _outDir = "";
    private string _marketsim = "";

    /// <summary>"ReadyToRun": published with PublishReadyToRun for this machine; "JIT": the build the benchmark references.</summary>
    [Params("ReadyToRun", "JIT")]
    public string Build { get; set; } = "ReadyToRun";

    [GlobalSetup]
    public void Setup()
    {
        _outDir = Path.Combine(Path.GetTempPath(), $"marketsim-bench-cold-{Environment.ProcessId}");
        if (Build == "JIT")
        {
            _marketsim = Path.Combine(AppContext.BaseDirectory, "marketsim.dll");
            return;
        }
        _published = Path.Combine(Path.GetTempPath(), $"marketsim-bench-r2r-{Environment.ProcessId}");
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        Run("dotnet", ["publish", Path.Combine(BenchmarkScenarios.Root, "src", "Simulator"), "-c", "Release", "-r", rid, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", _published, "--nologo", "-v", "quiet"]);
        _marketsim = Path.Combine(_published, "marketsim.dll");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var dir in new[] { _outDir, _published })
        {
            if (dir.Length > 0 && Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Benchmark(Description = "Doncaster, 1,000 runs end to end from a cold process, 2 threads, results folder written")]
    public void ThousandRunsFromColdProcess() =>
        Run("dotnet", [_marketsim, "run", BenchmarkScenarios.Path("doncaster-ccash.yaml"), "--runs", Runs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "42", "--threads", "2", "--out", _outDir, "--overwrite", "--quiet"]);

    private static void Run(string program, string[] arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        }
    }
}
