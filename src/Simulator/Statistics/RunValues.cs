namespace MarketSim.Simulator.Statistics;

/// <summary>
/// One number per run, in run order, kept past a small buffer in an unnamed temporary file, so that
/// memory stays flat however many runs an experiment has; read back whole, one column at a time,
/// when an exact quantile is needed. The file is unlinked as soon as it is made, so nothing is left
/// behind even if the process is killed.
/// </summary>
public sealed class RunValues : IDisposable
{
    private const int BufferLength = 4096;
    private readonly double[] _buffer = new double[BufferLength];
    private int _buffered;
    private double _last;
    private FileStream? _spill;

    /// <summary>How many values were added.</summary>
    public long Count { get; private set; }

    /// <summary>Whether every value so far was at least the one before it (NaN counts as out of order).</summary>
    public bool Ascending { get; private set; } = true;

    /// <summary>Appends one run's value.</summary>
    public void Add(double x)
    {
        Ascending = Ascending && (Count == 0 || x >= _last);
        _last = x;
        _buffer[_buffered++] = x;
        Count++;
        if (_buffered == BufferLength)
        {
            Spill();
        }
    }

    /// <summary>The values in the order they were added.</summary>
    public double[] ToArray()
    {
        var all = new double[Count];
        var onDisk = (int)(Count - _buffered);
        if (_spill is not null && onDisk > 0)
        {
            _spill.Flush();
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(all.AsSpan(0, onDisk));
            for (var read = 0; read < bytes.Length;)
            {
                var n = RandomAccess.Read(_spill.SafeFileHandle, bytes[read..], read);
                read += n > 0 ? n : throw new IOException("The temporary file of run values ended early.");
            }
        }
        _buffer.AsSpan(0, _buffered).CopyTo(all.AsSpan(onDisk));
        return all;
    }

    /// <inheritdoc />
    public void Dispose() => _spill?.Dispose();

    private void Spill()
    {
        if (_spill is null)
        {
            var path = Path.Combine(Path.GetTempPath(), $"marketsim-values-{Environment.ProcessId}-{Guid.NewGuid():N}.bin");
            _spill = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            File.Delete(path);
        }
        _spill.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_buffer.AsSpan()));
        _buffered = 0;
    }
}
