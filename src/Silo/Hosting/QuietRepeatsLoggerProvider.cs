using System.Collections.Concurrent;
using MarketSim.Grains.Experiments;
using Microsoft.Extensions.Logging;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// Passes a silo's log on to <paramref name="inner"/>, but a warning or error that repeats one already logged (the same
/// category and event) within <see cref="Window"/> is counted, not written: while Redis is down Orleans logs each grain's
/// failed read, with its stack, several times a second. Entries are alike when their category, event and message template are. The next one written after the window says how many were not.
/// An entry's exception is written on its line as each exception's type and message, outer to inner, without the stack:
/// a silo's log is read by the people running it, and Orleans' and Redis' frames tell them nothing the messages do not.
/// </summary>
/// <param name="inner">Where the log goes (the console).</param>
/// <param name="clock">The time now (tests move it).</param>
public sealed class QuietRepeatsLoggerProvider(ILoggerProvider inner, Func<DateTime>? clock = null) : ILoggerProvider
{
    /// <summary>How long a repeat of a logged warning or error is counted rather than written.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Func<DateTime> _clock = clock ?? (() => DateTime.UtcNow);
    private readonly ConcurrentDictionary<(string Category, int EventId, string Template), Repeats> _seen = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new QuietLogger(inner.CreateLogger(categoryName), categoryName, this);

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();

    /// <summary>Whether to write an entry now, and how many like it were not written since the last one that was.</summary>
    private (bool Write, int NotWritten) Admit(string category, int eventId, string template)
    {
        var repeats = _seen.GetOrAdd((category, eventId, template), _ => new Repeats());
        var now = _clock();
        lock (repeats)
        {
            if (repeats.LastWritten is { } last && now - last < Window)
            {
                repeats.NotWritten++;
                return (false, 0);
            }
            var notWritten = repeats.NotWritten;
            (repeats.LastWritten, repeats.NotWritten) = (now, 0);
            return (true, notWritten);
        }
    }

    private sealed class Repeats
    {
        public DateTime? LastWritten { get; set; }

        public int NotWritten { get; set; }
    }

    private sealed class QuietLogger(ILogger inner, string category, QuietRepeatsLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null)
            {
                var message = formatter;
                formatter = (s, _) => $"{message(s, exception)} ({ExceptionText.Chain(exception)})";
            }
            if (logLevel < LogLevel.Warning)
            {
                inner.Log(logLevel, eventId, state, null, formatter);
                return;
            }
            var template = state is IReadOnlyList<KeyValuePair<string, object?>> values
                ? values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string ?? ""
                : "";
            var (write, notWritten) = owner.Admit(category, eventId.Id, template);
            if (!write)
            {
                return;
            }
            if (notWritten > 0)
            {
                var note = $"{notWritten:N0} more like the next were not written in the last {Window.TotalMinutes:0} minute{(Window.TotalMinutes == 1 ? "" : "s")}";
                inner.Log(logLevel, eventId, note, null, (s, _) => s);
            }
            inner.Log(logLevel, eventId, state, null, formatter);
        }
    }
}
