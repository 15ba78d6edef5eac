using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace MarketSim.Simulator.Workbench;

/// <summary>
/// What a workbench page says when the operating system refuses a file or folder (an <see cref="IOException"/> or
/// <see cref="UnauthorizedAccessException"/>, such as a folder that cannot be written or a file where a folder should be):
/// what failed, named as the user knows it (an experiment, a scenario), and why in a few words. .NET's own message quotes
/// the server's path, so it goes to the server's log instead of the page.
/// </summary>
internal static partial class FileFailure
{
    /// <summary>Whether <paramref name="error"/> is the operating system refusing a file or folder.</summary>
    public static bool Is(Exception error) => error is IOException or UnauthorizedAccessException;

    /// <summary>
    /// Why the operating system refused, in words without a path: "permission denied", "a folder is missing or is not a folder", or the system's
    /// own words for its error number ("not a directory", "no space left on device"); "the file system refused it" otherwise.
    /// </summary>
    public static string Reason(Exception error) => error switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "a folder is missing or is not a folder",
        FileNotFoundException => "a file is missing",
        PathTooLongException => "a path is too long",
        IOException io when ErrorNumber(io.HResult) is { } number && Marshal.GetPInvokeErrorMessage(number) is { Length: > 0 } words
            && !words.StartsWith("Unknown error", StringComparison.Ordinal) => char.ToLowerInvariant(words[0]) + words[1..].TrimEnd('.'),
        _ => "the file system refused it",
    };

    /// <summary>
    /// <paramref name="what"/> failed, with why, for a page ("experiment X could not write its results (not a directory); the
    /// server's log has the full message"), after logging <paramref name="error"/> whole (with its path) to <paramref name="log"/>.
    /// </summary>
    public static string Describe(Exception error, string what, ILogger? log)
    {
        if (log is not null)
        {
            Log(log, error, what);
        }
        return $"{what} ({Reason(error)}); the server's log has the full message";
    }

    /// <summary>Logs <paramref name="error"/> whole, with the server's path its message quotes, as what made <paramref name="what"/> fail.</summary>
    [LoggerMessage(Level = LogLevel.Error, Message = "{What}")]
    public static partial void Log(ILogger log, Exception error, string what);

    // The system's error number an IOException carries: on Unix .NET gives the errno itself, on Windows an HRESULT of a Win32 error.
    private static int? ErrorNumber(int hresult) =>
        hresult is > 0 and < 4096 ? hresult
        : unchecked((uint)hresult) >> 16 == 0x8007 ? hresult & 0xFFFF
        : null;
}
