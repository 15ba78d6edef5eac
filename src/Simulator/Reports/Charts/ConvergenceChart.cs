using System.Xml.Linq;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>A convergence plot: the running mean of an outcome against runs, with its 95% confidence interval.</summary>
public static class ConvergenceChart
{
    /// <summary>One checkpoint: runs so far, the mean, and the 95% half-width.</summary>
    public sealed record Point(long Runs, double Mean, double HalfWidth);

    /// <summary>Draws the checkpoints.</summary>
    public static XElement Draw(string title, string yTitle, IReadOnlyList<Point> points)
    {
        var canvas = new SvgCanvas(title);
        var finite = points.Where(p => double.IsFinite(p.HalfWidth)).ToList();
        canvas.Axes(new NiceScale(0, points[^1].Runs), new NiceScale(finite.Min(p => p.Mean - p.HalfWidth), finite.Max(p => p.Mean + p.HalfWidth)), "Runs", yTitle, xGrid: true);
        var band = SvgCanvas.Path(
            finite.Select(p => (canvas.X(p.Runs), canvas.Y(p.Mean + p.HalfWidth)))
                .Concat(Enumerable.Reverse(finite).Select(p => (canvas.X(p.Runs), canvas.Y(p.Mean - p.HalfWidth)))),
            Palette.Colour(4), 0, fill: true, opacity: 0.4);
        canvas.Add(band);
        var line = SvgCanvas.Path(points.Select(p => (canvas.X(p.Runs), canvas.Y(p.Mean))), Palette.Colour(0), 2);
        line.Add(new XAttribute("class", "running-mean"));
        canvas.Add(line);
        canvas.Legend("running mean", Palette.Colour(0));
        canvas.Legend("95% interval", Palette.Colour(4), band: true);
        return canvas.ToSvg();
    }
}
