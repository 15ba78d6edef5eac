using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Workbench.Jobs;

/// <summary>
/// What the Run page says when a workbench experiment fails: a sentence for people rather than .NET's message
/// where the cause is known (its staging folder removed while it ran), else the exception's own message.
/// </summary>
internal static class JobFailure
{
    /// <summary>The message for <paramref name="error"/>, which ended the experiment writing <paramref name="resultsFolder"/>.</summary>
    public static string Describe(Exception error, string resultsFolder)
    {
        var staging = Path.GetFileName(ResultsFolder.StagingPath(Path.TrimEndingDirectorySeparator(Path.GetFullPath(resultsFolder))));
        return error is DirectoryNotFoundException or FileNotFoundException && error.Message.Contains(staging, StringComparison.Ordinal)
            ? $"the results folder being written ({staging}) was removed while the runs went on; nothing was kept."
            : error.Message;
    }
}
