using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Marks a staging folder with the process that owns it (id and start time), so that a later run
/// can tell a live process's staging folder from one left by a process that was killed or lost power,
/// and remove only the latter.
/// </summary>
internal static partial class StagingMarker
{
    public const string FileName = ".marketsim-staging";

    public static void Write(string staging)
    {
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(Path.Combine(staging, FileName), string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {self.StartTime.ToUniversalTime().Ticks}\n"));
    }

    public static bool IsStaging(string folder) => File.Exists(Path.Combine(folder, FileName));

    public static void Remove(string staging) => File.Delete(Path.Combine(staging, FileName));

    /// <summary>
    /// Removes the staging folders (<c>.NAME.partial-PID</c>) and set-aside old results
    /// (<c>.NAME.old-PID</c>) in <paramref name="parent"/> whose process no longer runs.
    /// </summary>
    public static void RemoveStaleBeside(string parent)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, ".*"))
        {
            var match = LeftoverName().Match(Path.GetFileName(folder));
            if (!match.Success || !int.TryParse(match.Groups["pid"].Value, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                if (match.Groups["kind"].Value == "partial" && IsStaging(folder) && !IsRunning(pid, StartTicks(folder)))
                {
                    Directory.Delete(folder, recursive: true);
                }
                else if (match.Groups["kind"].Value == "old" && !IsRunning(pid, null))
                {
                    OwnedFiles.DeleteResults(folder);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another process is cleaning it up at the same time, or it is another user's: leave it.
            }
        }
    }

    private static long? StartTicks(string folder)
    {
        var parts = File.ReadAllText(Path.Combine(folder, FileName)).Split(' ', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
    }

    private static bool IsRunning(int pid, long? startTicks)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited
                && (startTicks is not { } ticks || Math.Abs(process.StartTime.ToUniversalTime().Ticks - ticks) < TimeSpan.TicksPerSecond);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.(?<kind>partial|old)-(?<pid>[0-9]+)$")]
    private static partial Regex LeftoverName();
}
