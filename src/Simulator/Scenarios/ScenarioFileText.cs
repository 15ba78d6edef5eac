using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// A scenario file's text, read from disk once, and the SHA-256 of the bytes read. Every command reads its
/// scenario files (and their bases) here, so that a results folder records the file as it was loaded however
/// it changes during the runs, and a file that is missing, unreadable or not UTF-8 gets the same message from each.
/// </summary>
internal sealed record ScenarioFileText(string Text, string Sha256)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The largest scenario file read, in bytes: a scenario is a few kilobytes, and a device or a file given by mistake
    /// (/dev/zero, a disk image) would otherwise be read until memory runs out.
    /// </summary>
    internal const int MaxBytes = MaxMegabytes * 1_000_000;

    private const int MaxMegabytes = 100;

    /// <summary>Reads <paramref name="path"/>; null, with the one <paramref name="problem"/> it has, when it cannot be read as a scenario's text.</summary>
    public static ScenarioFileText? Read(string path, out ScenarioProblem? problem) => Read(path, ReadAtMostMaxBytesAndOne, out problem);

    /// <summary>
    /// A stop signal that ends a read which does not end by itself (a named pipe nobody writes to blocks in its opening) with
    /// <see cref="OperationCanceledException"/>: the command line sets it to its first signal for the command it runs. None
    /// by default, when a read is waited for to its end.
    /// </summary>
    internal static readonly AsyncLocal<CancellationToken> StopReading = new();

    /// <summary>As <see cref="Read(string, out ScenarioProblem?)"/>, with the bytes read by <paramref name="readAllBytes"/> (a test's failing disk).</summary>
    internal static ScenarioFileText? Read(string path, Func<string, byte[]> readAllBytes, out ScenarioProblem? problem)
    {
        if (NotAFile(path) is { } what)
        {
            problem = Whole(path, $"{what}; allowed: the path of a scenario YAML file");
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = Stoppable(() => readAllBytes(path), StopReading.Value);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            var why = ex switch
            {
                UnauthorizedAccessException => "permission denied",
                FileNotFoundException or DirectoryNotFoundException => "it was removed while being read",
                // .NET's message names the path again: "Input/output error : '/path'".
                _ => ex.Message.Split(" : '")[0].TrimEnd('.'),
            };
            problem = Whole(path, $"cannot be read ({why}); allowed: a scenario file you can read");
            return null;
        }
        if (bytes.Length > MaxBytes)
        {
            problem = Whole(path, $"larger than {MaxMegabytes} MB, so it is not a scenario (one is a few kilobytes of text); allowed: a scenario YAML file of at most {MaxMegabytes} MB");
            return null;
        }
        try
        {
            using var reader = new StreamReader(new MemoryStream(bytes), StrictUtf8, detectEncodingFromByteOrderMarks: true);
            var text = reader.ReadToEnd();
            if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
            {
                // YAML stops reading at a NUL without a word, so the rest of the file would be silently lost.
                problem = Whole(path, $"a NUL character at line {text.AsSpan(0, nul).Count('\n') + 1}, so it is not a text file; allowed: a YAML text file");
                return null;
            }
            problem = null;
            return new ScenarioFileText(text, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (DecoderFallbackException)
        {
            problem = Whole(path, $"not UTF-8 text at line {LineOfFirstInvalidByte(bytes)}; allowed: a UTF-8 file (save it as UTF-8 in your editor)");
            return null;
        }
    }

    /// <summary>
    /// Why <paramref name="path"/> is not a file to read (<paramref name="notFound"/>, "is a folder, not a scenario file", "is a link to
    /// 'x', which does not exist"), or null when it is a file or a link to one.
    /// </summary>
    public static string? NotAFile(string path, string notFound = "file not found")
    {
        if (Directory.Exists(path))
        {
            return "is a folder, not a scenario file";
        }
        if (!File.Exists(path))
        {
            return notFound;
        }
        var info = new FileInfo(path);
        return info.LinkTarget is { } target && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true } && !IsPipe(path)
            ? $"is a link to '{target}', which does not exist"
            : null;
    }

    /// <summary>
    /// Whether <paramref name="path"/> is the system's link to a pipe ("pipe:[123]"), as /dev/stdin or a shell's &lt;(command)
    /// gives: it names nothing on disk, and opens all the same, unlike a link to a removed file.
    /// </summary>
    public static bool IsPipe(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: false, Name: var name }
            && name.StartsWith("pipe:[", StringComparison.Ordinal) && Opens(path);
    }

    private static bool Opens(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// <paramref name="read"/>'s result, or <see cref="OperationCanceledException"/> as soon as <paramref name="stop"/> is
    /// cancelled: the read is left to end with the process, since nothing cancels a blocked open of a pipe.
    /// </summary>
    private static byte[] Stoppable(Func<byte[]> read, CancellationToken stop)
    {
        if (!stop.CanBeCanceled)
        {
            return read();
        }
        stop.ThrowIfCancellationRequested();
        var reading = Task.Factory.StartNew(read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            reading.Wait(stop);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException!).Throw();
        }
        return reading.Result;
    }

    /// <summary>
    /// The bytes of <paramref name="path"/>, but no more than <see cref="MaxBytes"/> + 1 of them, so that an endless or huge
    /// file (a device, a pipe, a disk image) is known to be too large without being read to its end.
    /// </summary>
    private static byte[] ReadAtMostMaxBytesAndOne(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var bytes = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while (bytes.Length <= MaxBytes && (read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, MaxBytes + 1 - bytes.Length))) > 0)
        {
            bytes.Write(buffer, 0, read);
        }
        return bytes.ToArray();
    }

    private static ScenarioProblem Whole(string path, string message) => new(path, 0, 0, "", message);

    private static int LineOfFirstInvalidByte(byte[] bytes)
    {
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var valid, out _, replaceInvalidSequences: false);
        var before = status == OperationStatus.InvalidData ? valid : bytes.Length;
        return bytes.AsSpan(0, before).Count((byte)'\n') + 1;
    }
}
