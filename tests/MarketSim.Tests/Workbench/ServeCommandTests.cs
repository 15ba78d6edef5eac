using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using MarketSim.Silo.Hosting;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench;
using MarketSim.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MarketSim.Tests.Workbench;

/// <summary>`marketsim serve` from the command line: where it listens, what it says, and how it stops.</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Without_listen_it_binds_to_loopback_only_and_stops_on_sigterm()
    {
        var folder = Repo.TempDir();
        try
        {
            var (address, output, exit, error) = await Serve(folder, ["--port", "0"], async uri =>
            {
                using var client = new HttpClient();
                Assert.Contains("MarketSim workbench", await client.GetStringAsync(uri), StringComparison.Ordinal);
                foreach (var other in OtherAddresses())
                {
                    using var socket = new Socket(other.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    var refused = await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(other, uri.Port));
                    Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
                }
            });

            Assert.Equal(IPAddress.Loopback, IPAddress.Parse(address.Host));
            Assert.DoesNotContain("WARNING", error, StringComparison.Ordinal);
            Assert.Contains("Ctrl+C stops it", output, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Terminated, exit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Listening_beyond_loopback_is_said_loudly()
    {
        var folder = Repo.TempDir();
        try
        {
            var (address, _, _, error) = await Serve(folder, ["--port", "0", "--listen", "0.0.0.0"], _ => Task.CompletedTask);

            Assert.Contains("WARNING: listening on 0.0.0.0, not loopback", error, StringComparison.Ordinal);
            Assert.Contains("There is no login", error, StringComparison.Ordinal);
            Assert.NotNull(address);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--listen", "localhost-ish", "--listen: 'localhost-ish' is not allowed; allowed: an IP address")]
    [InlineData("--port", "70000", "--port: '70000' is not allowed; allowed: a TCP port from 1 to 65,535, or 0 for a free one")]
    [InlineData("--scenarios", "/no/such/folder", "--scenarios: '/no/such/folder' is not a folder")]
    public void Bad_options_get_one_clear_message(string option, string value, string message)
    {
        var run = CliRun.Of("serve", option, value);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_in_use_gives_one_line_and_leaves_no_folder_the_failed_start_created()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parent = Repo.TempDir();
        var kept = Directory.CreateDirectory(Path.Combine(parent, "kept")).FullName;

        var (code, output, error) = MarketSimProcess.Run(parent, null, "serve", "--port", port, "--experiments", Path.Combine(parent, "new", "experiments"));
        var (keptCode, _, keptError) = MarketSimProcess.Run(parent, null, "serve", "--port", port, "--experiments", kept);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: Failed to bind to address http://127.0.0.1:{port}: address already in use.", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(output.Trim());
        Assert.Equal(["kept"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
        Assert.Equal(ExitCodes.BadInput, keptCode);
        Assert.Single(keptError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(Directory.Exists(kept));
        Assert.Empty(Directory.GetFileSystemEntries(kept));
    }

    [Fact]
    public void An_address_not_of_this_machine_gives_one_line_and_leaves_no_folder()
    {
        var parent = Repo.TempDir();

        // 192.0.2.1 is kept for documentation (RFC 5737): no machine has it, so the system cannot listen there.
        var (code, output, error) = MarketSimProcess.Run(parent, null, "serve", "--listen", "192.0.2.1", "--port", "0", "--experiments", Path.Combine(parent, "experiments"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("error: --listen 192.0.2.1 --port 0: cannot listen there: the address is not one of this machine's; allowed: 127.0.0.1 (the default), ::1, 0.0.0.0 or an address of this machine",
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(output.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(parent));
    }

    [Fact]
    public async Task The_workbench_writes_nothing_in_the_home_folder_not_even_the_keys_of_its_form_tokens()
    {
        var parent = Repo.TempDir();
        var home = Directory.CreateDirectory(Path.Combine(parent, "home")).FullName;
        using var serve = new MarketSimProcess(parent, new Dictionary<string, string> { ["HOME"] = home }, "serve", "--port", "0", "--threads", "1", "--experiments", Path.Combine(parent, "experiments"));
        var address = new Uri(Url().Match(serve.WaitForLine("MarketSim workbench:", TimeSpan.FromSeconds(60))).Value);

        using (var client = new HttpClient())
        {
            Assert.Contains("__RequestVerificationToken", await client.GetStringAsync(new Uri(address, "scenarios")), StringComparison.Ordinal);
        }
        serve.Signal("TERM");

        Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(60)), serve.Log);
        Assert.Empty(Directory.GetFileSystemEntries(home, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_stop_while_the_workbench_starts_is_a_cancellation_and_leaves_no_folder()
    {
        // Orleans ended a start cancelled in one of its stages with OrleansLifecycleCanceledException (exit 1, a stack
        // trace). Stops every 40 ms from the start, until one comes after a start has finished, cover its stages.
        var cancelled = 0;
        for (var afterMilliseconds = 0; afterMilliseconds <= 5000; afterMilliseconds += 40)
        {
            var experiments = Path.Combine(Repo.TempDir(), "experiments");
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(afterMilliseconds));
            try
            {
                await using var server = await WorkbenchServer.Start(new WorkbenchOptions(0, IPAddress.Loopback, experiments, Path.Combine(Repo.Root, "scenarios"), Threads: 1), ScenarioCompiler.Instance, stop.Token);
                break;
            }
            catch (Exception ex)
            {
                Assert.True(ex is OperationCanceledException, $"a stop {afterMilliseconds} ms into the start ended it with {ex.GetType().Name}: {ex.Message}");
                Assert.False(Directory.Exists(experiments), $"a stop {afterMilliseconds} ms into the start left {experiments}");
                cancelled++;
            }
        }
        Assert.True(cancelled >= 1, "no stop came while the workbench was starting");
    }

    [Fact]
    public void A_signal_while_serve_starts_stops_it_with_exit_130_and_one_line()
    {
        // The web host's console lifetime cancelled the start on Ctrl+C in Orleans' last stage (exit 1, a stack trace) or
        // let Orleans log its failed start. Signals at 40%, 70% and 90% of the time a start takes reach its later stages.
        var parent = Repo.TempDir();
        var clock = Stopwatch.StartNew();
        TimeSpan started;
        using (var first = new MarketSimProcess(parent, null, "serve", "--port", "0", "--threads", "1", "--experiments", Path.Combine(parent, "experiments")))
        {
            first.WaitForLine("MarketSim workbench:", TimeSpan.FromSeconds(60));
            started = clock.Elapsed;
            first.Signal("INT");
            Assert.True(first.WaitForExit(TimeSpan.FromSeconds(60)));
        }
        foreach (var share in new[] { 0.4, 0.7, 0.9 })
        {
            var folder = Repo.TempDir();
            using var serve = new MarketSimProcess(folder, null, "serve", "--port", "0", "--threads", "1", "--experiments", Path.Combine(folder, "experiments"));
            Thread.Sleep(started * share);
            serve.Signal("INT");

            Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(60)), $"serve did not stop within 60 s of a signal {share:P0} into its start");
            Assert.True(serve.ExitCode == ExitCodes.Cancelled, $"exit code {serve.ExitCode} after a signal {share:P0} into the start: {serve.Error}");
            Assert.Single(serve.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Fact]
    public async Task The_workbench_leaves_stop_signals_to_the_command()
    {
        await using var server = await WorkbenchServer.Start(new WorkbenchOptions(0, IPAddress.Loopback, Path.Combine(Repo.TempDir(), "experiments"), Path.Combine(Repo.Root, "scenarios"), Threads: 1), ScenarioCompiler.Instance);

        Assert.IsType<CommandLifetime>(server.Services.GetRequiredService<IHostLifetime>());
    }

    /// <summary>Runs `marketsim serve` in this process until <paramref name="whileServing"/> is done, then sends SIGTERM.</summary>
    private static async Task<(Uri Address, string Output, int ExitCode, string Error)> Serve(string folder, string[] options, Func<Uri, Task> whileServing)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (syncOut, syncErr) = (TextWriter.Synchronized(output), TextWriter.Synchronized(error));
        using var interruption = new Interruption();
        var serving = Task.Run(() => new MarketSimCli(syncOut, syncErr).Invoke(["serve", "--experiments", Path.Combine(folder, "experiments"), .. options], interruption));
        Uri? address = null;
        for (var waited = 0; address is null && waited < 600 && !serving.IsCompleted; waited++)
        {
            await Task.Delay(100);
            lock (syncOut)
            {
                if (Url().Match(output.ToString()) is { Success: true } m)
                {
                    address = new Uri(m.Value);
                }
            }
        }
        Assert.True(address is not null, $"serve printed no address: {output} {error}");
        try
        {
            await whileServing(address!);
        }
        finally
        {
            interruption.Request(PosixSignal.SIGTERM);
        }
        var exit = await serving.WaitAsync(TimeSpan.FromSeconds(60));
        lock (syncErr)
        {
            return (address!, output.ToString(), exit, error.ToString());
        }
    }

    private static IEnumerable<IPAddress> OtherAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    [GeneratedRegex(@"http://[^\s/]+:\d+/")]
    private static partial Regex Url();
}
