using System.Net;
using System.Text;
using System.Xml.Linq;

namespace MarketSim.Simulator.Reports;

/// <summary>Small pieces shared by report.html's section writers: escaping and a chart as a figure.</summary>
internal static class Html
{
    /// <summary><paramref name="text"/> escaped for HTML text and attributes.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Appends <paramref name="svg"/> as a figure with id the file's name and <paramref name="caption"/> under it, then the file's name as code.</summary>
    public static void Figure(StringBuilder html, string file, string caption, XElement svg) =>
        html.Append("<figure id=\"").Append(E(Path.GetFileNameWithoutExtension(file))).Append("\">")
            .Append(svg.ToString(SaveOptions.DisableFormatting))
            .Append("<figcaption>").Append(E(caption)).Append(" Files: <code class=\"file\">charts/").Append(E(file)).Append("</code> and <code class=\"file\">charts/").Append(E(Path.ChangeExtension(file, ".png"))).Append("</code>.</figcaption></figure>\n");

    /// <summary>Appends a table row of already-escaped cells (the first one a th-less label cell).</summary>
    public static void Row(StringBuilder html, params string[] cells)
    {
        html.Append("<tr>");
        foreach (var cell in cells)
        {
            html.Append("<td>").Append(cell).Append("</td>");
        }
        html.Append("</tr>");
    }

    /// <summary>Appends a header row.</summary>
    public static void Header(StringBuilder html, params string[] headers)
    {
        html.Append("<table><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }
        html.Append("</tr>");
    }
}
