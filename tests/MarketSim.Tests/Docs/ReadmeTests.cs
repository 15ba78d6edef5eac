using System.Text.RegularExpressions;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Docs;

/// <summary>
/// Every path the README and the docs send a reader to exists in a clone of the repository: no
/// links to files that moved, and nothing outside the clone (such as a sibling seeds folder).
/// </summary>
public partial class ReadmeTests
{
    /// <summary>
    /// A path in prose, code spans or code blocks: one under a top-level folder of the repository,
    /// or one that climbs out of it with "../". Paths are read from the repository root.
    /// </summary>
    [GeneratedRegex(@"(?<![\w./-])(?:\.\./)+[\w.\-/]*|(?<![\w./-])(?:docs|scenarios|scripts|src|tests|benchmarks)/[\w.\-/]*")]
    private static partial Regex RepoPath();

    /// <summary>A Markdown link's target, read from the linking file's folder.</summary>
    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkTarget();

    [Fact]
    public void Every_path_the_readme_names_exists()
    {
        Assert.NotEmpty(PathsNamedIn("README.md"));
        AssertEveryPathExists("README.md");
    }

    public static TheoryData<string> Docs() =>
        [.. Directory.GetFiles(Path.Combine(Repo.Root, "docs"), "*.md").Select(f => Path.Combine("docs", Path.GetFileName(f))).Order()];

    [Theory]
    [MemberData(nameof(Docs))]
    public void Every_path_a_doc_names_exists(string doc) => AssertEveryPathExists(doc);

    [Fact]
    public void The_readme_names_the_paths_a_new_user_needs()
    {
        var paths = PathsNamedIn("README.md").Select(p => p.Path).ToHashSet();

        Assert.Contains("docs/sources.md", paths);
        Assert.Contains("scripts/install.sh", paths);
        Assert.Contains("scripts/test.sh", paths);
    }

    [Fact]
    public void The_readme_synopsis_names_every_option_of_every_command()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var from = readme.IndexOf("```", readme.IndexOf("## The command", StringComparison.Ordinal), StringComparison.Ordinal) + 3;
        var block = readme[from..readme.IndexOf("```", from, StringComparison.Ordinal)];
        var entries = Regex.Split(block, @"\n(?=marketsim )").Select(e => Regex.Replace(e, @"\s+", " ").Trim()).ToList();
        var missing = new List<string>();
        foreach (var (path, command) in Commands(new MarketSim.Simulator.Cli.MarketSimCli(TextWriter.Null, TextWriter.Null).Commands(), "marketsim"))
        {
            var synopsis = string.Join(' ', entries.Where(e => e == path || e.StartsWith(path + " ", StringComparison.Ordinal)));
            missing.AddRange(command.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name != "--help")
                .Where(o => !Regex.IsMatch(synopsis, $@"(?<![\w-]){Regex.Escape(o.Name)}(?![\w-])"))
                .Select(o => $"{path} {o.Name}"));
        }

        Assert.True(missing.Count == 0, "README.md's synopsis misses: " + string.Join(", ", missing));
    }

    private static IEnumerable<(string Path, System.CommandLine.Command Command)> Commands(System.CommandLine.Command parent, string path) =>
        parent.Subcommands.SelectMany(c => Commands(c, $"{path} {c.Name}").Prepend(($"{path} {c.Name}", c)));

    private static void AssertEveryPathExists(string file)
    {
        var problems = PathsNamedIn(file)
            .Select(p => (p.Path, Problem: ProblemWith(p.Path, p.RelativeTo)))
            .Where(p => p.Problem is not null)
            .Select(p => $"{file}: '{p.Path}' {p.Problem}")
            .ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static List<(string Path, string RelativeTo)> PathsNamedIn(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, file));
        var folder = Path.GetDirectoryName(Path.Combine(Repo.Root, file))!;
        var links = LinkTarget().Matches(text)
            .Select(m => m.Groups[1].Value.Split('#')[0])
            .Where(t => t.Length > 0 && !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(t => (t, folder));
        var paths = RepoPath().Matches(text)
            .Select(m => m.Value.TrimEnd('.'))
            .Select(t => (t, Repo.Root));
        return [.. links.Concat(paths).Distinct()];
    }

    private static string? ProblemWith(string path, string relativeTo)
    {
        var full = Path.GetFullPath(Path.Combine(relativeTo, path));
        if (!full.StartsWith(Repo.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != Repo.Root)
        {
            return "is outside the repository, so a clone does not have it";
        }
        // A build output (bin/, obj/) appears only after a build: its project folder must exist.
        var segments = Path.GetRelativePath(Repo.Root, full).Split(Path.DirectorySeparatorChar);
        var build = Array.FindIndex(segments, s => s is "bin" or "obj");
        if (build > 0)
        {
            full = Path.Combine([Repo.Root, .. segments[..build]]);
        }
        return File.Exists(full) || Directory.Exists(full) ? null : "does not exist";
    }
}
