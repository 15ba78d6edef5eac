using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// Shows how a long experiment is going: on a terminal, a live bar with runs/s and time left; when
/// output is redirected, a plain line every few seconds; with --quiet, nothing. Writes to stderr so
/// that stdout holds only the results table. Runs a second are counted from the runs' start (the work's
/// first report of 0 runs done, if it makes one, so that starting the silo is not counted) to its last report
/// (so that writing the results folder is not), as the results' header counts them.
/// </summary>
internal sealed class ProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private readonly TextWriter _error;
    private readonly bool _interactive;
    private readonly bool _quiet;
    private readonly TimeProvider _time;

    public ProgressDisplay(TextWriter error, bool interactive, bool quiet, TimeProvider? time = null)
    {
        _error = error;
        _interactive = interactive;
        _quiet = quiet;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Runs <paramref name="work"/>, giving it a callback for runs done so far and an optional status (the current estimate).</summary>
    public T Run<T>(long totalRuns, Func<Action<long, string?>, T> work)
    {
        if (_quiet)
        {
            return work((_, _) => { });
        }
        return _interactive ? RunWithBar(totalRuns, work) : RunWithLines(totalRuns, work);
    }

    private T RunWithBar<T>(long totalRuns, Func<Action<long, string?>, T> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_error) });
        var clock = new RunsClock(_time);
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DurationColumn(elapsed: true), new DurationColumn(elapsed: false))
            .Start(ctx =>
            {
                var task = ctx.AddTask("runs", maxValue: totalRuns);
                return work((done, status) =>
                {
                    lock (task)
                    {
                        clock.Report(done);
                        task.Value = done;
                        task.Description = Markup.Escape($"{done:N0}/{totalRuns:N0} runs, {clock.Rate(done):N0} runs/s{(status is null ? "" : $", {status}")}");
                    }
                });
            });
    }

    private T RunWithLines<T>(long totalRuns, Func<Action<long, string?>, T> work)
    {
        var clock = new RunsClock(_time);
        var last = TimeSpan.Zero;
        var gate = new object();
        var lastDone = 0L;
        string? lastStatus = null;
        var result = work((done, status) =>
        {
            lock (gate)
            {
                clock.Report(done);
                (lastDone, lastStatus) = (done, status);
                if (clock.Elapsed - last < PlainInterval)
                {
                    return;
                }
                last = clock.Elapsed;
                _error.WriteLine(Line(done, totalRuns, clock, status));
            }
        });
        _error.WriteLine(Line(lastDone, totalRuns, clock, lastStatus));
        return result;
    }

    private static string Line(long done, long total, RunsClock clock, string? status)
    {
        var rate = clock.Rate(done);
        var left = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        var line = string.Create(CultureInfo.InvariantCulture, $"progress: {done:N0}/{total:N0} runs ({PercentDone.Of(done, total)}), {rate:N0} runs/s, {Durations.Readable(left)} left");
        return status is null ? line : $"{line}, {status}";
    }

    /// <summary>Elapsed or remaining time, with days when over 24 hours (Spectre's own columns drop them).</summary>
    private sealed class DurationColumn(bool elapsed) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var span = elapsed ? task.ElapsedTime : task.RemainingTime;
            var text = span is { } t ? Durations.Readable(t) + (elapsed ? "" : " left") : "";
            return new Text(text, new Style(elapsed ? Color.Yellow : Color.Blue));
        }
    }

    /// <summary>The time since the runs started (restarted by a report of 0 runs before any are done), to the last report.</summary>
    private sealed class RunsClock(TimeProvider time)
    {
        private long _start = time.GetTimestamp();
        private long _lastReport = time.GetTimestamp();
        private bool _anyDone;

        public TimeSpan Elapsed => time.GetElapsedTime(_start, _lastReport);

        public void Report(long done)
        {
            _lastReport = time.GetTimestamp();
            if (done == 0 && !_anyDone)
            {
                _start = _lastReport;
            }
            _anyDone |= done > 0;
        }

        public double Rate(long done) => done / Math.Max(Elapsed.TotalSeconds, 1e-9);
    }
}
