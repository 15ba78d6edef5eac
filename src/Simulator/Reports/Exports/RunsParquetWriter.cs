using System.Globalization;
using System.Text.Json;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;
using MarketSim.Silo.Runs;
using Parquet;
using Parquet.Schema;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// Writes runs.parquet as the runs arrive: every column of runs.csv, typed (int64 for the run index
/// and counts, double for measures; a missing value is null), with each column's unit and description
/// in its column-chunk metadata and, for the whole file, in the JSON keys <c>marketsim.units</c> and
/// <c>marketsim.descriptions</c>. Runs are buffered one row group at a time, so memory stays flat.
/// </summary>
public sealed class RunsParquetWriter : IOutcomeSink, IDisposable
{
    /// <summary>Most rows in one row group.</summary>
    public const int MaxRowGroupRows = 65_536;

    private const int BufferBytes = 16 << 20;

    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly bool[] _whole;
    private readonly Dictionary<string, string>[] _columnMetadata;
    private readonly double[][] _buffer;
    private readonly double?[] _doubles;
    private readonly long?[] _longs;
    private readonly long[] _runs;
    private readonly int _width;
    private readonly Dictionary<string, string> _fileMetadata;
    private int _buffered;
    private long _written;
    private bool _disposed;

    /// <summary>Creates <paramref name="path"/> for the runs.csv columns of <paramref name="schema"/>.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="schema">The runs' columns.</param>
    /// <param name="inputs">The scenario's uncertain inputs, whose whole-number fields are typed int64.</param>
    /// <param name="scenario">The scenario, whose name, start date and horizon go in the file metadata.</param>
    /// <param name="seed">The experiment seed, for the file metadata.</param>
    /// <param name="scenarioSha256">The SHA-256 of the scenario file as loaded, for the file metadata; null leaves the key out.</param>
    public RunsParquetWriter(string path, OutcomeSchema schema, IReadOnlyList<UncertainInput> inputs, MarketScenario scenario, ulong seed, string? scenarioSha256 = null)
    {
        _width = schema.Stride;
        var columns = schema.Columns;
        _whole = [.. columns.Select(c => ExportColumns.IsWholeNumber(c.Name, inputs))];
        _fields = [new DataField<long>(ExportColumns.Run), .. columns.Select((c, i) => _whole[i] ? (DataField)new DataField<long?>(c.Name) : new DataField<double?>(c.Name))];
        _columnMetadata = [Metadata("index", "Run index k; the run's random numbers come from (seed, k) alone"), .. columns.Select(c => Metadata(c.Unit, c.Description))];
        var rows = Math.Clamp(BufferBytes / (sizeof(double) * Math.Max(1, columns.Count)), 1024, MaxRowGroupRows);
        _buffer = [.. columns.Select(_ => new double[rows])];
        _doubles = new double?[rows];
        _longs = new long?[rows];
        _runs = new long[rows];
        _fileMetadata = new Dictionary<string, string>
        {
            ["marketsim.scenario"] = scenario.Name,
            ["marketsim.seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["marketsim.start_date"] = scenario.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["marketsim.horizon_weeks"] = scenario.HorizonWeeks.ToString(CultureInfo.InvariantCulture),
            ["marketsim.engine_version"] = Manifest.EngineVersion,
            ["marketsim.units"] = JsonSerializer.Serialize(_fields.Select((f, i) => (f.Name, Unit: _columnMetadata[i]["unit"])).ToDictionary(x => x.Name, x => x.Unit)),
            ["marketsim.descriptions"] = JsonSerializer.Serialize(_fields.Select((f, i) => (f.Name, Text: _columnMetadata[i]["description"])).ToDictionary(x => x.Name, x => x.Text)),
        };
        if (scenarioSha256 is not null)
        {
            _fileMetadata["marketsim.scenario_sha256"] = scenarioSha256;
        }
        _stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }).GetAwaiter().GetResult();
    }

    /// <summary>Rows per row group: 65,536, or fewer for wide files so that one group's buffer stays near 16 MB.</summary>
    public int RowGroupRows => _runs.Length;

    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        for (var r = 0; r < count; r++)
        {
            var row = outcomes.Slice(r * _width, _buffer.Length);
            _runs[_buffered] = firstRun + r;
            for (var c = 0; c < row.Length; c++)
            {
                _buffer[c][_buffered] = row[c];
            }
            if (++_buffered == _runs.Length)
            {
                Flush();
            }
        }
    }

    /// <summary>Writes the buffered runs and the file's footer, with the number of runs in <c>marketsim.runs</c>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            Flush();
            _fileMetadata["marketsim.runs"] = _written.ToString(CultureInfo.InvariantCulture);
            _writer.CustomMetadata = _fileMetadata;
            _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            _stream.Dispose();
        }
    }

    private void Flush()
    {
        if (_buffered == 0)
        {
            return;
        }
        using var group = _writer.CreateRowGroup();
        group.WriteAsync<long>(_fields[0], _runs.AsMemory(0, _buffered), null, _columnMetadata[0]).GetAwaiter().GetResult();
        for (var c = 0; c < _buffer.Length; c++)
        {
            var field = _fields[c + 1];
            var values = _buffer[c].AsSpan(0, _buffered);
            if (_whole[c])
            {
                for (var i = 0; i < values.Length; i++)
                {
                    _longs[i] = double.IsNaN(values[i]) ? null : Whole(values[i], field.Name);
                }
                group.WriteAsync<long>(field, _longs.AsMemory(0, _buffered), null, _columnMetadata[c + 1]).GetAwaiter().GetResult();
            }
            else
            {
                for (var i = 0; i < values.Length; i++)
                {
                    _doubles[i] = double.IsNaN(values[i]) ? null : values[i];
                }
                group.WriteAsync<double>(field, _doubles.AsMemory(0, _buffered), null, _columnMetadata[c + 1]).GetAwaiter().GetResult();
            }
        }
        group.CompleteValidate();
        _written += _buffered;
        _buffered = 0;
    }

    private static long Whole(double x, string column) =>
        x == Math.Floor(x) && Math.Abs(x) < 9e15
            ? (long)x
            : throw new InvalidOperationException($"runs.parquet: column {column} is typed int64 but a run gave {Numbers.Exact(x)}.");

    private static Dictionary<string, string> Metadata(string unit, string description) =>
        new(StringComparer.Ordinal) { ["unit"] = unit, ["description"] = description };
}
