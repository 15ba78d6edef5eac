namespace MarketSim.Simulator.Reports;

/// <summary>
/// Turns the ways a results folder cannot be written (permission denied, a read-only file system, a full disk or
/// quota) into one clear message naming --out, instead of .NET's message naming the hidden staging folder.
/// </summary>
internal static class Unwritable
{
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private static readonly int QuotaExceeded = OperatingSystem.IsMacOS() ? 69 : 122;

    /// <summary>Runs <paramref name="action"/>, rethrowing a failure to write as an <see cref="IOException"/> with the message for <paramref name="shownPath"/>.</summary>
    public static void Guard(string shownPath, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (Reason(ex) is { } reason)
        {
            throw new IOException(Message(shownPath, reason), ex);
        }
    }

    /// <summary>The message for a results folder <paramref name="shownPath"/> that could not be written for <paramref name="reason"/>.</summary>
    public static string Message(string shownPath, (string Why, string Allowed) reason) =>
        $"--out {shownPath}: cannot write there ({reason.Why}); nothing was written; allowed: {reason.Allowed}";

    /// <summary>
    /// Why <paramref name="error"/> kept a folder from being written, and what is allowed instead; null when it is not
    /// such a failure. An <see cref="AggregateException"/> (files written in parallel) counts when all its errors do.
    /// </summary>
    public static (string Why, string Allowed)? Reason(Exception error) => error switch
    {
        UnauthorizedAccessException => ("permission denied", "a folder you can write to"),
        IOException when OperatingSystem.IsWindows() => null,
        IOException { HResult: ReadOnlyFileSystem } => ("read-only file system", "a folder on a file system that can be written"),
        IOException { HResult: NoSpace } => ("the disk is full", "a folder on a disk with room for the results"),
        IOException io when io.HResult == QuotaExceeded => ("the disk quota is used up", "a folder within your disk quota"),
        AggregateException all => All(all.Flatten().InnerExceptions),
        _ => null,
    };

    private static (string Why, string Allowed)? All(IReadOnlyCollection<Exception> errors)
    {
        var reasons = errors.Select(Reason).ToList();
        return reasons.Count > 0 && reasons.All(r => r is not null) ? reasons[0] : null;
    }
}
