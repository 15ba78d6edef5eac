using System.Xml.Linq;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>Box plots side by side: box from P25 to P75, a line at the median, whiskers from P5 to P95.</summary>
public static class BoxPlotChart
{
    /// <summary>One box: its label, the colour group it belongs to (a partner), and its values sorted ascending.</summary>
    public sealed record Box(string Label, string Group, IReadOnlyList<double> Sorted);

    /// <summary>Draws the boxes in order.</summary>
    public static XElement Draw(string title, string yTitle, IReadOnlyList<Box> boxes)
    {
        var canvas = new SvgCanvas(title, width: Math.Max(720, 90 * boxes.Count), height: 520, bottomMargin: 150);
        var x = new NiceScale(0, boxes.Count + 1, targetTicks: boxes.Count + 2);
        var lows = boxes.Select(b => Statistics.RiskMeasures.ValueAtRisk(b.Sorted, 0.05));
        var highs = boxes.Select(b => Statistics.RiskMeasures.ValueAtRisk(b.Sorted, 0.95));
        canvas.Axes(new NiceScale(0.5, boxes.Count + 0.5, boxes.Count + 1), new NiceScale(lows.Min(), highs.Max()), "Agreement and party", yTitle, _ => "");
        var groups = boxes.Select(b => b.Group).Distinct().ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            var b = boxes[i];
            double Q(double p) => Statistics.RiskMeasures.ValueAtRisk(b.Sorted, p);
            var colour = Palette.Colour(groups.IndexOf(b.Group));
            var cx = canvas.X(i + 1);
            var half = Math.Min(28, (canvas.X(2) - canvas.X(1)) * 0.3);
            var box = new XElement(SvgCanvas.Ns + "g", new XAttribute("class", "box"), new XAttribute("data-label", b.Label),
                SvgCanvas.Line(cx, canvas.Y(Q(0.05)), cx, canvas.Y(Q(0.95)), Palette.Axis, 1.2),
                SvgCanvas.Rect(cx - half, canvas.Y(Q(0.75)), 2 * half, canvas.Y(Q(0.25)) - canvas.Y(Q(0.75)), colour, 0.7),
                SvgCanvas.Line(cx - half, canvas.Y(Q(0.5)), cx + half, canvas.Y(Q(0.5)), Palette.Ink, 2));
            canvas.Add(box);
            var label = SvgCanvas.Text(cx, canvas.PlotBottom + 16, b.Label, 11, "end", "x-tick");
            label.Add(new XAttribute("transform", $"rotate(-35 {SvgCanvas.F(cx)} {SvgCanvas.F(canvas.PlotBottom + 16)})"));
            canvas.Add(label);
        }
        foreach (var g in groups)
        {
            canvas.Legend(g, Palette.Colour(groups.IndexOf(g)), band: true);
        }
        return canvas.ToSvg();
    }
}
