using System.Runtime.InteropServices;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Asks the operating system whether entries may be removed from a folder, before an old results folder is moved
/// aside, and removes them. In one place so that a test can stand in for a file system that refuses: permissions
/// do not stop root, under which the tests may run.
/// </summary>
internal static class FolderRemoval
{
    private const int WriteAndSearch = 2 | 1;

    private static readonly AsyncLocal<Func<string, bool>?> Refusing = new();

    /// <summary>Why entries cannot be removed from <paramref name="folder"/> (e.g. "permission denied"), or null when they can.</summary>
    public static string? WhyNot(string folder)
    {
        if (Refusing.Value?.Invoke(folder) == true)
        {
            return "permission denied";
        }
        return (OperatingSystem.IsWindows() ? 0 : AccessError(folder)) switch
        {
            0 => null,
            30 => "read-only file system",
            1 => "the folder is marked unchangeable",
            _ => "permission denied",
        };
    }

    /// <summary>Deletes the file <paramref name="path"/>.</summary>
    public static void DeleteFile(string path)
    {
        ThrowIfRefused(path);
        File.Delete(path);
    }

    /// <summary>Deletes the empty folder <paramref name="path"/>.</summary>
    public static void DeleteFolder(string path)
    {
        ThrowIfRefused(path);
        Directory.Delete(path);
    }

    /// <summary>
    /// Tests only: until disposed, this flow treats the folders <paramref name="refuses"/> picks as a file system would
    /// one the process may not change: <see cref="WhyNot"/> says so and deleting in them throws.
    /// </summary>
    public static IDisposable RefuseForTests(Func<string, bool> refuses)
    {
        var before = Refusing.Value;
        Refusing.Value = refuses;
        return new Restore(before);
    }

    private static void ThrowIfRefused(string path)
    {
        if (Refusing.Value?.Invoke(Path.GetDirectoryName(path)!) == true)
        {
            throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
        }
    }

    /// <summary>
    /// 0 when the OS gives write and search permission on <paramref name="folder"/>, else the errno; 0 too where libc
    /// cannot be called, and the removal itself will tell.
    /// </summary>
    private static int AccessError(string folder)
    {
        try
        {
            return Access(folder, WriteAndSearch) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    private sealed class Restore(Func<string, bool>? before) : IDisposable
    {
        public void Dispose() => Refusing.Value = before;
    }
}
