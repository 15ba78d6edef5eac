namespace MarketSim.Simulator.Reports;

/// <summary>A document a scenario cites in its <c>sources:</c> list.</summary>
/// <param name="Id">Its id in the scenario.</param>
/// <param name="File">The seed file name.</param>
/// <param name="Title">Its title.</param>
public sealed record ScenarioDocumentCited(string Id, string File, string Title);
