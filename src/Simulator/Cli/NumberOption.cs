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
    public static readonly string Seeds = $"{Whole(0UL)} (2^64 − 1)";

    /// <summary>What --threads allows.</summary>
    public static readonly string Threads = $"0 (every core) or {Whole(1)}";

    /// <summary>What a port option that must name a port allows (--dashboard).</summary>
    public const string Port = "a TCP port from 1 to 65,535";

    /// <summary>What a port option that can pick a free port allows.</summary>
    public const string Ports = Port + ", or 0 for a free one";

    /// <summary>What --runs and its kin allow at least <paramref name="least"/>.</summary>
    public static string Runs(long least) => Whole(least);

    /// <summary>What a whole-number option of type <typeparamref name="T"/> allows from <paramref name="least"/>: "a whole number from 2 to 2,147,483,647".</summary>
    public static string Whole<T>(T least)
        where T : struct, IMinMaxValue<T>, IFormattable => $"a whole number from {least.ToString("N0", CultureInfo.InvariantCulture)} to {Largest<T>()}";

    /// <summary>A numeric option with a default; <paramref name="allowed"/> says which values are allowed, e.g. <see cref="Whole{T}"/>'s "a whole number from 1 to …".</summary>
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
