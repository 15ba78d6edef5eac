namespace MarketSim.Silo.Hosting;

/// <summary>
/// Orleans' fatal-error handler for a cluster silo. Orleans calls it when the other silos have declared this one dead
/// (it missed their probes: paused, suspended, starved or cut off), and its own handler would end the process with
/// <c>Environment.FailFast</c>: exit 134 and a page of stack trace. This one tells <c>marketsim silo</c>, which says
/// so in words and exits 1; should the command not end the process within <see cref="Backstop"/>, it fails fast after all.
/// </summary>
public sealed class SiloDeclaredDead : IFatalErrorHandler
{
    /// <summary>How long the command has to end the process after a fatal error before Orleans' own way is taken.</summary>
    public static readonly TimeSpan Backstop = TimeSpan.FromSeconds(30);

    /// <summary>The cause <see cref="MembershipWatch"/> gives when the silo's row has gone from the membership table.</summary>
    public const string MembershipLost = "this silo's row has gone from the membership table in Redis";

    private readonly TaskCompletionSource<string> _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes, with Orleans' words for the cause, when Orleans has a fatal error: the silo must stop.</summary>
    public Task<string> Happened => _fatal.Task;

    /// <inheritdoc />
    public bool IsUnexpected(Exception exception) => true;

    /// <inheritdoc />
    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
        var cause = context ?? exception?.Message ?? "a fatal error in Orleans";
        if (_fatal.TrySetResult(cause))
        {
            _ = Task.Delay(Backstop).ContinueWith(_ => Environment.FailFast($"marketsim silo: {cause}", exception), TaskScheduler.Default);
        }
    }
}
