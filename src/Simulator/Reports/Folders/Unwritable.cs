namespace MarketSim.Simulator.Reports;

/// <summary>Turns "permission denied" while preparing or committing a results folder into one clear message.</summary>
internal static class Unwritable
{
    public static void Guard(string shownPath, Action action)
    {
        try
        {
            action();
        }
        catch (UnauthorizedAccessException)
        {
            throw new IOException($"--out {shownPath}: cannot write there (permission denied); nothing was written; allowed: a folder you can write to");
        }
    }
}
