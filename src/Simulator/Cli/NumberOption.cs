using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// Numeric options that state their allowed values in --help and, for a value that is not a number or does not
/// fit, give one message naming the option, the value and what is allowed, instead of the parser's type name.
/// </summary>
internal static class NumberOption
{
    /// <summary>What --seed allows: any 64-bit unsigned whole number.</summary>
    public static readonly string Seeds = $"a whole number from 0 to {Largest<ulong>()} (2^64 − 1)";

    /// <summary>What --threads allows.</summary>
    public static readonly string Threads = $"0 (every core) or a whole number from 1 to {Largest<int>()}";

    /// <summary>What a port option that can pick a free port allows.</summary>
    public const string Ports = "a TCP port 1-65535, or 0 for a free one";

    /// <summary>What --runs and its kin allow at least <paramref name="least"/>.</summary>
    public static string Runs(long least) => $"a whole number from {least} to {Largest<long>()}";

    /// <summary>A numeric option with a default; <paramref name="allowed"/> says which values are allowed, e.g. "a whole number ≥ 1".</summary>
    public static Option<T> Create<T>(string name, string description, T defaultValue, string allowed, params string[] aliases)
        where T : struct, INumberBase<T> =>
        new(name, aliases)
        {
            Description = $"{description} Allowed: {allowed}.",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse<T>(result, name, allowed) ?? defaultValue,
        };

    /// <summary>A numeric option that is null when not given.</summary>
    public static Option<T?> Optional<T>(string name, string description, string allowed, params string[] aliases)
        where T : struct, INumberBase<T> =>
        new(name, aliases)
        {
            Description = $"{description} Allowed: {allowed}.",
            CustomParser = result => Parse<T>(result, name, allowed),
        };

    /// <summary>The largest value of <typeparamref name="T"/>, written with thousands separators, for allowed ranges.</summary>
    public static string Largest<T>()
        where T : struct, IMinMaxValue<T>, IFormattable => T.MaxValue.ToString("N0", CultureInfo.InvariantCulture);

    private static T? Parse<T>(ArgumentResult result, string name, string allowed)
        where T : struct, INumberBase<T>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        var whole = typeof(T) != typeof(double) && typeof(T) != typeof(float) && typeof(T) != typeof(decimal);
        var styles = whole ? NumberStyles.Integer : NumberStyles.Float;
        if (T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        var isNumber = whole
            ? BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        result.AddError(isNumber
            ? $"{name}: '{text}' is not allowed; allowed: {allowed}"
            : $"{name}: '{text}' is not {(whole ? "a whole number" : "a number")}; allowed: {allowed}");
        return null;
    }
}
