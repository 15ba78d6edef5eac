namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// Stacks labels that sit along a line (percentile markers on a histogram) into rows so that no two in a
/// row overlap: each label, left to right, goes into the first row where it clears the labels already there.
/// </summary>
public static class LabelRows
{
    /// <summary>The row (0 = first) of each label, given its centre and width in pixels and the gap wanted between labels.</summary>
    public static int[] Assign(IReadOnlyList<(double Centre, double Width)> labels, double gap)
    {
        var rows = new int[labels.Count];
        var rightEdges = new List<double>();
        foreach (var i in Enumerable.Range(0, labels.Count).OrderBy(i => labels[i].Centre))
        {
            var left = labels[i].Centre - (labels[i].Width / 2);
            var row = rightEdges.FindIndex(edge => left >= edge + gap);
            if (row < 0)
            {
                row = rightEdges.Count;
                rightEdges.Add(0);
            }
            rightEdges[row] = labels[i].Centre + (labels[i].Width / 2);
            rows[i] = row;
        }
        return rows;
    }
}
