using System.Buffers.Binary;

namespace MarketSim.Silo.Cluster;

/// <summary>A run's outcomes as bytes for the database: little-endian IEEE doubles, exact both ways.</summary>
public static class OutcomeCodec
{
    /// <summary>Encodes one row.</summary>
    public static byte[] Encode(ReadOnlySpan<double> row)
    {
        var bytes = new byte[row.Length * sizeof(double)];
        for (var i = 0; i < row.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), row[i]);
        }
        return bytes;
    }

    /// <summary>Decodes one row into <paramref name="row"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> bytes, Span<double> row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * sizeof(double))..]);
        }
    }
}
