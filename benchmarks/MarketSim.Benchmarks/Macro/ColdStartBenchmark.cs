using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace MarketSim.Benchmarks.Macro;

/// <summary>
/// Issue 14's third workload: 1,000 Doncaster runs end to end from a cold process. Each operation starts
/// `marketsim run --runs 1000 --threads 2` as a child process, so it pays the runtime's start, the JIT, the
/// embedded silo's start and the results folder, as a user does. <see cref="Build"/> compares the CLI published
/// self-contained with one composite ReadyToRun image of it and the .NET runtime (as scripts/install.sh does),
/// published ReadyToRun on the shared runtime, and the plain JIT build beside the benchmark; the published builds
/// are made once, in the global setup, in a temporary folder. Goal: at most 1.5 s an operation.
/// </summary>
/// <remarks>The memory diagnoser sees only this process (starting the child), not the child's own allocations.</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ColdStartBenchmark
{
    private const int Runs = 1_000;
    private string _published = "";
    private string _artifacts = "";
    private string _outDir = "";
    private string _program = "";
    private string[] _command = [];

    /// <summary>
    /// "Composite": self-contained, the app and the runtime in one composite ReadyToRun image (scripts/install.sh);
    /// "ReadyToRun": PublishReadyToRun on the shared runtime; "JIT": the build the benchmark references.
    /// </summary>
    [Params("Composite", "ReadyToRun", "JIT")]
    public string Build { get; set; } = "Composite";

    [GlobalSetup]
    public void Setup()
    {
        _outDir = Path.Combine(Path.GetTempPath(), $"marketsim-bench-cold-{Environment.ProcessId}");
        if (Build == "JIT")
        {
            (_program, _command) = ("dotnet", new[] { Path.Combine(AppContext.BaseDirectory, "marketsim.dll"), "run" });
            return;
        }
        _published = Path.Combine(Path.GetTempPath(), $"marketsim-bench-{Build}-{Environment.ProcessId}");
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        string[] build = Build == "Composite"
            ? ["--self-contained", "true", "-p:PublishReadyToRun=true", "-p:PublishReadyToRunComposite=true"]
            : ["--self-contained", "false", "-p:PublishReadyToRun=true"];
        // Each build in a folder of its own: an incremental publish over obj/ left by the other kind aborts at start.
        _artifacts = Path.Combine(Path.GetTempPath(), $"marketsim-bench-{Build}-build-{Environment.ProcessId}");
        Run("dotnet", ["publish", Path.Combine(BenchmarkScenarios.Root, "src", "Simulator"), "-c", "Release", "-r", rid, .. build, "--artifacts-path", _artifacts, "-o", _published, "--nologo", "-v", "quiet"]);
        (_program, _command) = Build == "Composite"
            ? (Path.Combine(_published, "marketsim"), new[] { "run" })
            : ("dotnet", new[] { Path.Combine(_published, "marketsim.dll"), "run" });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var dir in new[] { _outDir, _published, _artifacts })
        {
            if (dir.Length > 0 && Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Benchmark(Description = "Doncaster, 1,000 runs end to end from a cold process, 2 threads, results folder written")]
    public void ThousandRunsFromColdProcess() =>
        Run(_program, [.. _command, BenchmarkScenarios.Path("doncaster-ccash.yaml"), "--runs", Runs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "42", "--threads", "2", "--out", _outDir, "--overwrite", "--quiet"]);

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
