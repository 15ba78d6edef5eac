namespace MarketSim.Grains.Experiments;

/// <summary>
/// Exceptions in the words of one line, for messages people read (an experiment's failure, a silo's log): Orleans' and
/// Redis' messages can span several lines.
/// </summary>
public static class ExceptionText
{
    /// <summary><paramref name="message"/> on one line: its lines, trimmed and without the empty ones, joined by spaces.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Each exception's type and message from <paramref name="exception"/> inwards, on one line: "InvalidOperationException: … ← TimeoutException: …".</summary>
    public static string Chain(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            parts.Add($"{e.GetType().Name}: {OneLine(e.Message)}");
        }
        return string.Join(" ← ", parts);
    }
}
