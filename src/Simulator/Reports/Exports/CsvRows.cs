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
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return [.. fields];
                    fields.Clear();
                    any = false;
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}
