using System.Globalization;
using System.Text;
using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// What `run`, `compare` and `sensitivity` say about how a results folder was made: report.html's provenance
/// table (the scenarios with their SHA-256, the settings, the engine version) and the command line that
/// redoes the folder from the scenario copies it holds, which manifest.json records too.
/// </summary>
internal static class Provenance
{
    /// <summary>
    /// The command line <c>marketsim WORD …</c>, each word quoted for a POSIX shell where it needs it
    /// (a * or a space: <c>--vary 'zones.*.demand.annual_growth=0..0.04'</c>).
    /// </summary>
    public static string Command(IEnumerable<string> words) =>
        string.Join(' ', words.Select(Quote).Prepend(Manifest.Engine));

    /// <summary>
    /// The command line that redoes a `run` results folder from its scenario.yaml, for report.html and manifest.json, with
    /// the <paramref name="chartScale"/> its PNGs were drawn at.
    /// </summary>
    public static string RunCommand(long runs, ulong seed, double chartScale) =>
        Command(new[] { "run", "scenario.yaml", "--runs", runs.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture) }.Concat(ChartScale(chartScale)));

    /// <summary>
    /// The words of a command line that draw the PNGs at <paramref name="scale"/> again, "--chart-scale 2"; none at the
    /// default scale, so that a reproduce command names only what was asked for.
    /// </summary>
    public static IEnumerable<string> ChartScale(double scale) =>
        scale == ChartFiles.DefaultScale ? [] : ["--chart-scale", scale.ToString("R", CultureInfo.InvariantCulture)];

    /// <summary>
    /// report.html's provenance section: a row per item of <paramref name="rows"/> (already plain text,
    /// a label then one or more values), then the engine version and <paramref name="reproduce"/>.
    /// </summary>
    public static string Html(IEnumerable<string[]> rows, string reproduce)
    {
        var all = rows.Append(["Engine version", Manifest.EngineVersion]).Append(["Reproduce (from this folder)", reproduce]).ToList();
        var width = all.Max(r => r.Length);
        var html = new StringBuilder("<h2 id=\"provenance\">Provenance</h2>\n<table>");
        foreach (var row in all)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                var span = i == row.Length - 1 && row.Length < width ? $" colspan=\"{width - i}\"" : "";
                html.Append("<td").Append(span).Append('>').Append(Reports.Html.E(row[i])).Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</table>\n").ToString();
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':' or ',' or '+' or '@' or '%')
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
