namespace MarketSim.Simulator.Scenarios;

/// <summary>One thing wrong with a scenario file: where it is, which field, and what is allowed.</summary>
/// <param name="File">The scenario file as the user named it.</param>
/// <param name="Line">1-based line, or 0 when the problem is with the whole file.</param>
/// <param name="Column">1-based column, or 0.</param>
/// <param name="FieldPath">The field's path, e.g. <c>providers[2].rate_gbp_per_hour</c>; empty for the file.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ScenarioProblem(string File, long Line, long Column, string FieldPath, string Message)
{
    /// <summary>
    /// The field's path in the merged scenario, when <see cref="FieldPath"/> names it as the user's variant wrote it
    /// (<c>providers[16]</c> for the variant's <c>providers[0]</c>): what a form over the merged scenario keys on.
    /// </summary>
    public string MergedFieldPath { get => field ?? FieldPath; init; }

    /// <summary>The compiler-style one-line form: <c>file:line:column: path: message</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return FieldPath.Length > 0 ? $"{where}: {FieldPath}: {Message}" : $"{where}: {Message}";
    }
}
