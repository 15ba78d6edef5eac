using System.Text;
using MarketSim.Grains.Uncertainty.Distributions;

namespace MarketSim.Grains.Uncertainty;

/// <summary>
/// One scenario value given as a distribution: drawn once per run from its own stream, keyed by
/// <paramref name="Path"/> (the <c>sensitivity --vary</c> syntax, e.g. <c>zones.dn1.demand.annual_growth</c>).
/// </summary>
/// <param name="Path">Where the value is in the scenario.</param>
/// <param name="Distribution">What it is drawn from.</param>
/// <param name="WholeNumber">Whether the field takes whole numbers (weeks, counts): draws are rounded to the nearest, halves away from zero.</param>
/// <param name="Unit">The field's unit, for output labels.</param>
public sealed record UncertainInput(string Path, InputDistribution Distribution, bool WholeNumber, string Unit)
{
    /// <summary>
    /// Every path the one draw is used at, in document order, when the distribution is reached through a YAML alias
    /// (<c>&amp;demand</c> … <c>*demand</c>): <see cref="Path"/> first. Empty when it is used at its path only.
    /// </summary>
    public IReadOnlyList<string> SharedPaths { get; init; } = [];

    /// <summary>The runs.csv column of its sampled value: <c>input_</c> + the path with every run of other characters than a-z, 0-9 replaced by one underscore.</summary>
    public string ColumnName => ColumnOf(Path);

    /// <summary>The value actually used for a draw <paramref name="x"/> (rounded for whole-number fields).</summary>
    public double Used(double x) => WholeNumber ? Math.Round(x, MidpointRounding.AwayFromZero) : x;

    /// <summary>The column name of the input at <paramref name="path"/>.</summary>
    public static string ColumnOf(string path)
    {
        var name = new StringBuilder("input_");
        foreach (var c in path.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (name[^1] != '_')
            {
                name.Append('_');
            }
        }
        return name.ToString().TrimEnd('_');
    }
}
