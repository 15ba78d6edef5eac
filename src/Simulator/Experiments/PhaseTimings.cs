using System.Diagnostics;
using System.Globalization;

namespace MarketSim.Simulator.Experiments;

/// <summary>
/// The wall-clock time of each phase of an experiment (scenario load, silo start, runs, each writer, each
/// kind of chart, the folder commit), for `marketsim run --timings`. Phases may overlap, since independent
/// writers run at the same time; each is recorded with its start, measured from the process's start.
/// Safe to use from several threads; recording costs two clock reads.
/// </summary>
public sealed class PhaseTimings
{
    private readonly Lock _gate = new();
    private readonly List<Phase> _phases = [];
    private readonly long _createdAt = Stopwatch.GetTimestamp();
    private readonly DateTime _createdUtc = DateTime.UtcNow;

    /// <summary>One measured phase.</summary>
    /// <param name="Name">What was done.</param>
    /// <param name="Start">When it started, after the start of the timings.</param>
    /// <param name="Duration">How long it took.</param>
    /// <param name="ProcessCpu">The CPU time (user and system) the whole process used meanwhile, other phases' included; null when not known.</param>
    public sealed record Phase(string Name, TimeSpan Start, TimeSpan Duration, TimeSpan? ProcessCpu);

    /// <summary>The phases recorded so far, in the order they started.</summary>
    public IReadOnlyList<Phase> Phases
    {
        get
        {
            lock (_gate)
            {
                return [.. _phases.OrderBy(p => p.Start)];
            }
        }
    }

    /// <summary>Time since these timings were created.</summary>
    public TimeSpan Now => Stopwatch.GetElapsedTime(_createdAt);

    /// <summary>Runs <paramref name="work"/> as phase <paramref name="name"/>.</summary>
    public void Measure(string name, Action work) => Measure(name, () =>
    {
        work();
        return true;
    });

    /// <summary>Runs <paramref name="work"/> as phase <paramref name="name"/> and returns its result.</summary>
    public T Measure<T>(string name, Func<T> work)
    {
        var start = Now;
        var cpu = Cpu();
        try
        {
            return work();
        }
        finally
        {
            var phase = new Phase(name, start, Now - start, Cpu() - cpu);
            lock (_gate)
            {
                _phases.Add(phase);
            }
        }
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// Writes the phases as a table in seconds: each phase's start and duration from the start of the
    /// process (the first row is the runtime's start up to these timings) and the CPU time of the whole process
    /// meanwhile; phases of the same name (the charts of one kind) as one row with their summed time.
    /// </summary>
    public void Write(TextWriter writer)
    {
        using var process = Process.GetCurrentProcess();
        var sinceProcessStart = _createdUtc - process.StartTime.ToUniversalTime();
        var offset = sinceProcessStart > TimeSpan.Zero ? sinceProcessStart : TimeSpan.Zero;
        var rows = new List<Phase> { new("process start to command (runtime, CLI parsing)", TimeSpan.Zero, offset, null) };
        rows.AddRange(Phases.GroupBy(p => p.Name).Select(g => g.Count() == 1
            ? g.First() with { Start = g.First().Start + offset }
            : new Phase($"{g.Key} ×{g.Count()}, summed", g.Min(p => p.Start) + offset, Sum(g.Select(p => p.Duration)), null)));
        rows.Add(new Phase("total", TimeSpan.Zero, Now + offset, process.TotalProcessorTime));
        var width = rows.Max(r => r.Name.Length);
        writer.WriteLine($"{"phase".PadRight(width)}  start s  seconds  CPU s");
        foreach (var p in rows)
        {
            writer.WriteLine($"{p.Name.PadRight(width)}  {Seconds(p.Start),7}  {Seconds(p.Duration),7}  {(p.ProcessCpu is { } cpu ? Seconds(cpu) : ""),5}");
        }
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> times) => times.Aggregate(TimeSpan.Zero, (a, b) => a + b);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
