using System.Text;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// Reads back the RFC 4180 CSV files MarketSim writes (quoted fields with doubled quotes, <c>\n</c>
/// or <c>\r\n</c> line ends), row by row, so that results.xlsx holds exactly what the CSV files hold.
/// </summary>
internal static class CsvRows
{
    /// <summary>The rows of <paramref name="path"/>, header first, each as its fields.</summary>
    public static IEnumerable<string[]> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        while (reader.ReadLine() is { } line)
        {
            yield return line.Contains('"', StringComparison.Ordinal) ? Quoted(line, reader) : line.Split(',');
        }
    }

    // A record with quoted fields, which may hold commas, doubled quotes and line breaks.
    private static string[] Quoted(string line, StreamReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; ; i++)
        {
            if (i == line.Length)
            {
                if (!quoted || reader.ReadLine() is not { } next)
                {
                    break;
                }
                field.Append('\n');
                line = next;
                i = -1;
                continue;
            }
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
