using System.Xml.Linq;
using MarketSim.Grains.Uncertainty.Sensitivity;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// A tornado chart of one outcome's drivers: each uncertain input's standardised rank-regression coefficient
/// as a bar from zero, with its 95% interval as a whisker, largest |SRRC| on top.
/// </summary>
public static class DriverTornadoChart
{
    /// <summary>Draws <paramref name="result"/>'s inputs in tornado order.</summary>
    public static XElement Draw(string title, RankSensitivityResult result)
    {
        var sorted = result.Tornado;
        var canvas = new SvgCanvas(title, height: Math.Max(260, 120 + (44 * sorted.Count)));
        var low = Math.Min(-0.1, sorted.Min(i => Math.Min(i.Srrc, i.SrrcInterval.Low)));
        var high = Math.Max(0.1, sorted.Max(i => Math.Max(i.Srrc, i.SrrcInterval.High)));
        canvas.Axes(new NiceScale(Math.Max(-1, low), Math.Min(1, high)), new NiceScale(0, sorted.Count, Math.Max(2, sorted.Count + 1)),
            "standardised rank-regression coefficient (−1 to 1; bar: estimate, whisker: 95% interval)", "", xGrid: true);
        var rowHeight = (canvas.PlotBottom - canvas.PlotTop) / Math.Max(1, sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var input = sorted[i];
            var top = canvas.PlotTop + (i * rowHeight) + (rowHeight * 0.35);
            var height = rowHeight * 0.5;
            var x0 = Math.Min(canvas.X(0), canvas.X(input.Srrc));
            var rect = SvgCanvas.Rect(x0, top, Math.Abs(canvas.X(input.Srrc) - canvas.X(0)), height, Palette.Colour(input.Srrc >= 0 ? 1 : 0), 0.85);
            rect.Add(new XAttribute("class", "bar srrc"), new XAttribute("data-srrc", input.Srrc));
            canvas.Add(rect);
            var middle = top + (height / 2);
            canvas.Add(SvgCanvas.Line(canvas.X(input.SrrcInterval.Low), middle, canvas.X(input.SrrcInterval.High), middle, Palette.Ink, 1.2));
            canvas.Add(SvgCanvas.Line(canvas.X(input.SrrcInterval.Low), middle - 4, canvas.X(input.SrrcInterval.Low), middle + 4, Palette.Ink, 1.2));
            canvas.Add(SvgCanvas.Line(canvas.X(input.SrrcInterval.High), middle - 4, canvas.X(input.SrrcInterval.High), middle + 4, Palette.Ink, 1.2));
            canvas.Add(SvgCanvas.Text(canvas.PlotLeft + 6, top - 4, $"{input.Name} ({input.ContributionToVariance:0%} of variance)", 12, "start"));
        }
        canvas.Add(SvgCanvas.Line(canvas.X(0), canvas.PlotTop, canvas.X(0), canvas.PlotBottom, Palette.Ink, 1.5));
        canvas.Legend("raises the outcome", Palette.Colour(1), band: true);
        canvas.Legend("lowers the outcome", Palette.Colour(0), band: true);
        return canvas.ToSvg();
    }
}
