using System.Numerics;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The values a numeric option allows: the bounds the parser holds a value to, and the words that --help and the
/// error for a value outside them show, so the check and its message cannot drift apart.
/// </summary>
/// <param name="Least">The smallest value allowed.</param>
/// <param name="Most">The largest value allowed.</param>
/// <param name="Text">What is allowed, in words: "a whole number from 2 to 9,223,372,036,854,775,807".</param>
internal sealed record NumberRange<T>(T Least, T Most, string Text)
    where T : struct, INumber<T>
{
    /// <summary>Whether <paramref name="value"/> is within the bounds (NaN never is).</summary>
    public bool Allows(T value) => value >= Least && value <= Most;

    /// <summary>The same bounds with a note in brackets after the words, e.g. why the least is what it is.</summary>
    public NumberRange<T> Noting(string note) => this with { Text = $"{Text} ({note})" };

    /// <inheritdoc />
    public override string ToString() => Text;
}
