using System.Diagnostics;
using System.Xml.Linq;
using MarketSim.Simulator.Reports.Charts;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Reports;

/// <summary>
/// Charts on a machine with no fonts: marketsim runs in a mount namespace where /usr/share/fonts (where Skia
/// looks) is an empty folder. With the bundled DejaVu Sans every chart keeps its text; told to use only the
/// system's fonts (MARKETSIM_CHART_FONTS=system), the same run writes charts with no text at all, which is
/// what the bundled font prevents.
/// </summary>
public class ChartFontTests
{
    [Fact]
    public void Without_system_fonts_every_chart_keeps_its_text_from_the_bundled_font_and_loses_it_without()
    {
        var bundled = StartWithoutSystemFonts(useBundledFont: true);
        var systemOnly = StartWithoutSystemFonts(useBundledFont: false);
        var withFont = Finish(bundled);
        var withoutFont = Finish(systemOnly);

        var charts = Directory.GetFiles(Path.Combine(withFont, "charts"), "*.svg");
        Assert.True(charts.Length >= 10, $"{charts.Length} charts");
        foreach (var file in charts)
        {
            var svg = XDocument.Load(file).Root!;
            var texts = ChartImages.Texts(svg);
            Assert.Contains(svg.Element(ChartImages.Svg + "title")!.Value, texts);
            Assert.True(texts.Count >= 8, $"{Path.GetFileName(file)}: {texts.Count} texts");
            var (title, _, _) = ChartImages.LabelInk(File.ReadAllBytes(Path.ChangeExtension(file, ".png")), legendBelow: false);
            Assert.True(title > 50, $"{Path.GetFileName(file)}: {title} dark pixels in the title band");
        }
        foreach (var file in Directory.GetFiles(Path.Combine(withoutFont, "charts"), "*.svg"))
        {
            Assert.Empty(ChartImages.Texts(XDocument.Load(file).Root!));
            // With no title the plot moves up into the title band, so its lines may leave a little ink there, but far less than the title's.
            var (without, _, _) = ChartImages.LabelInk(File.ReadAllBytes(Path.ChangeExtension(file, ".png")), legendBelow: false);
            var (with, _, _) = ChartImages.LabelInk(File.ReadAllBytes(Path.Combine(withFont, "charts", Path.GetFileNameWithoutExtension(file) + ".png")), legendBelow: false);
            Assert.True(without < with / 2, $"{Path.GetFileName(file)}: {without} dark pixels in the title band without the font, {with} with it");
        }
    }

    private static (Process Process, string Folder) StartWithoutSystemFonts(bool useBundledFont)
    {
        Assert.True(File.Exists("/usr/bin/unshare"), "unshare not found: install util-linux (the test hides the system fonts in a mount namespace)");
        var folder = Path.Combine(Repo.TempDir(), "results");
        var info = new ProcessStartInfo("/usr/bin/unshare",
        [
            "-rm", "sh", "-c", """[ -d /usr/share/fonts ] && mount -t tmpfs tmpfs /usr/share/fonts; echo "system font files: $(find /usr/share/fonts -type f 2>/dev/null | wc -l)"; exec dotnet "$0" "$@" """,
            Path.Combine(AppContext.BaseDirectory, "marketsim.dll"), "run", Repo.Scenario("doncaster-ccash.yaml"), "--runs", "12", "--seed", "1", "--out", folder, "--quiet",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment[ChartFonts.EnvironmentVariable] = useBundledFont ? "bundled" : "system";
        return (Process.Start(info)!, folder);
    }

    private static string Finish((Process Process, string Folder) run)
    {
        using var process = run.Process;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "marketsim did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output.Result}\n{error.Result}");
        Assert.Contains("system font files: 0", output.Result, StringComparison.Ordinal);
        return run.Folder;
    }
}
