using MarketSim.Silo.Hosting;
using Microsoft.Extensions.Logging;

namespace MarketSim.Tests.Cluster;

/// <summary>A silo's log while Redis is down: each kind of error once a minute, with a count of those not written, instead of several a second.</summary>
public sealed class QuietRepeatsLoggerProviderTests
{
    private sealed class Written : ILoggerProvider, ILogger
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public List<Exception> Exceptions { get; } = [];

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines.Add($"{logLevel}: {formatter(state, exception)}");
            if (exception is not null)
            {
                Exceptions.Add(exception);
            }
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public void An_error_repeated_within_a_minute_is_counted_and_the_next_one_written_says_how_many_were_not()
    {
        var written = new Written();
        var now = new DateTime(2026, 12, 2, 13, 0, 0, DateTimeKind.Utc);
        using var provider = new QuietRepeatsLoggerProvider(written, () => now);
        var storage = provider.CreateLogger("Orleans.Persistence.RedisGrainStorage");

        // Ten a second for two minutes, as Orleans logs each grain's failed read while Redis is down.
        for (var grain = 0; grain < 1200; grain++)
        {
            storage.LogError(new EventId(507237543), "Failed to read grain state for {Grain}", grain);
            now += TimeSpan.FromMilliseconds(100);
        }

        Assert.Equal(
            ["Error: Failed to read grain state for 0", "Error: 599 more like the next were not written in the last 1 minute", "Error: Failed to read grain state for 600"],
            written.Lines);
    }

    [Fact]
    public void An_exception_is_written_on_its_line_as_its_types_and_messages_without_the_stack()
    {
        var written = new Written();
        using var provider = new QuietRepeatsLoggerProvider(written, () => new DateTime(2026, 12, 4, 15, 0, 0, DateTimeKind.Utc));
        var membership = provider.CreateLogger("Orleans.Runtime.MembershipService.MembershipTableManager");
        Exception thrown;
        try
        {
            throw new InvalidOperationException("Failed to update the membership table", new TimeoutException("Timeout performing HSET\nafter 5000 ms"));
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }
        Assert.NotNull(thrown.StackTrace);

        membership.LogError(thrown, "Probing {Silo} failed", "S127.0.0.1:11111:1");
        membership.LogDebug(thrown, "Retrying {Silo}", "S127.0.0.1:11111:1");

        Assert.Equal(
            [
                "Error: Probing S127.0.0.1:11111:1 failed (InvalidOperationException: Failed to update the membership table ← TimeoutException: Timeout performing HSET after 5000 ms)",
                "Debug: Retrying S127.0.0.1:11111:1 (InvalidOperationException: Failed to update the membership table ← TimeoutException: Timeout performing HSET after 5000 ms)",
            ],
            written.Lines);
        Assert.Empty(written.Exceptions);
    }

    [Fact]
    public void Other_errors_and_information_are_written_however_often()
    {
        var written = new Written();
        using var provider = new QuietRepeatsLoggerProvider(written, () => new DateTime(2026, 12, 2, 13, 0, 0, DateTimeKind.Utc));
        var grain = provider.CreateLogger("MarketSim.Grains.Experiments.ExperimentGrain");

        grain.LogError("Saving failed for {Experiment}", "a");
        grain.LogError("Forwarding failed for {Experiment}", "a");
        grain.LogInformation("Batch {Batch} done", 1);
        grain.LogInformation("Batch {Batch} done", 2);
        grain.LogError("Saving failed for {Experiment}", "b");

        Assert.Equal(["Error: Saving failed for a", "Error: Forwarding failed for a", "Information: Batch 1 done", "Information: Batch 2 done"], written.Lines);
    }
}
