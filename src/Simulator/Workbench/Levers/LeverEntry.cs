namespace MarketSim.Simulator.Workbench.Levers;

/// <summary>A lever with the site of its value; an optional one may be left blank, which leaves the field out.</summary>
/// <param name="Lever">What the form shows.</param>
/// <param name="Site">Where the value sits in the merged tree.</param>
/// <param name="Optional">Whether the field may be left out (its default applies).</param>
internal sealed record LeverEntry(Lever Lever, LeverSite Site, bool Optional);
