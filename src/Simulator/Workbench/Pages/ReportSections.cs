using System.Net;
using System.Text.RegularExpressions;

namespace MarketSim.Simulator.Workbench.Pages;

/// <summary>
/// A results folder's report.html cut at its section headings (h2), so the workbench shows the report's
/// sections as pages: the same tables, sentences and inline SVG charts as the file a user opens offline.
/// </summary>
public sealed partial class ReportSections
{
    private ReportSections(string intro, IReadOnlyList<(string Title, string Html)> sections) => (Intro, Sections) = (intro, sections);

    /// <summary>What comes before the first section: the title and the one-line description of the runs.</summary>
    public string Intro { get; }

    /// <summary>The sections in the report's order: each heading's text and its HTML, heading included.</summary>
    public IReadOnlyList<(string Title, string Html)> Sections { get; }

    /// <summary>Cuts the report at <paramref name="reportPath"/>.</summary>
    public static ReportSections Read(string reportPath)
    {
        var html = File.ReadAllText(reportPath);
        var bodyStart = html.IndexOf("<body>", StringComparison.Ordinal);
        var bodyEnd = html.LastIndexOf("</body>", StringComparison.Ordinal);
        var body = bodyStart >= 0 && bodyEnd > bodyStart ? html[(bodyStart + 6)..bodyEnd] : html;
        var starts = Heading().Matches(body).Select(m => m.Index).ToList();
        if (starts.Count == 0)
        {
            return new ReportSections("", [("Report", body)]);
        }
        var sections = new List<(string, string)>();
        for (var i = 0; i < starts.Count; i++)
        {
            var part = body[starts[i]..(i + 1 < starts.Count ? starts[i + 1] : body.Length)];
            var title = WebUtility.HtmlDecode(Tags().Replace(HeadingText().Match(part).Groups[1].Value, ""));
            sections.Add((title, part));
        }
        return new ReportSections(body[..starts[0]], sections);
    }

    [GeneratedRegex("<h2[ >]")]
    private static partial Regex Heading();

    [GeneratedRegex("<h2[^>]*>(.*?)</h2>", RegexOptions.Singleline)]
    private static partial Regex HeadingText();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
