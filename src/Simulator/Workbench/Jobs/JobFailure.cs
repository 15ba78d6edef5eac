using MarketSim.Simulator.Reports;
using Microsoft.Extensions.Logging;

namespace MarketSim.Simulator.Workbench.Jobs;

/// <summary>
/// What the Run page says when a workbench experiment fails: a sentence for people rather than .NET's message
/// where the cause is known (its staging folder removed while it ran; a file or folder the system refused, whose
/// message, quoting the server's path, goes to the server's log instead), else the exception's own message.
/// </summary>
internal static class JobFailure
{
    /// <summary>The message for <paramref name="error"/>, which ended the experiment writing <paramref name="resultsFolder"/>; a refused file is logged to <paramref name="log"/>.</summary>
    public static string Describe(Exception error, string resultsFolder, ILogger? log = null)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(resultsFolder));
        var staging = Path.GetFileName(ResultsFolder.StagingPath(folder));
        if (error is DirectoryNotFoundException or FileNotFoundException && error.Message.Contains(staging, StringComparison.Ordinal))
        {
            return $"the results folder being written ({staging}) was removed while the runs went on; nothing was kept.";
        }
        return FileFailure.Is(error)
            ? FileFailure.Describe(error, $"experiment {Path.GetFileName(folder)} could not read or write a file or folder", log) + "."
            : error.Message;
    }
}
