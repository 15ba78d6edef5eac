using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// Numeric options that state their allowed values in --help and, for a value that is not a number or is outside
/// its <see cref="NumberRange{T}"/>, give one message naming the option, the value and what is allowed while parsing,
/// instead of the parser's type name or a check of each command's own.
/// </summary>
internal static class NumberOption
{
    /// <summary>What --seed allows: any 64-bit unsigned whole number.</summary>
    public static readonly NumberRange<ulong> Seeds = AtLeast(0UL).Noting("2^64 − 1");

    /// <summary>
    /// The most run threads --threads allows. Each is an operating-system thread, started at once, with models of its own:
    /// a slip such as --threads 100000 would take every thread the machine allows, and --threads 2147483647 left a run
    /// waiting for ever, as the silo could not start its run threads.
    /// </summary>
    public const int MostThreads = 1_024;

    /// <summary>What --threads allows.</summary>
    public static readonly NumberRange<int> Threads = new(0, MostThreads, "0 (every core) or a whole number from 1 to " + MostThreads.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary>What a port option that must name a port allows (--dashboard).</summary>
    public static readonly NumberRange<int> Port = new(1, 65535, "a TCP port from 1 to 65,535");

    /// <summary>What a port option that can pick a free port allows.</summary>
    public static readonly NumberRange<int> Ports = new(0, 65535, Port.Text + ", or 0 for a free one");

    /// <summary>What --runs and its kin allow: at least two runs, since a standard error needs two.</summary>
    public static readonly NumberRange<long> Runs = AtLeast(2L);

    /// <summary>Any whole number of type <typeparamref name="T"/> from <paramref name="least"/>: "a whole number from 2 to 2,147,483,647".</summary>
    public static NumberRange<T> AtLeast<T>(T least)
        where T : struct, INumber<T>, IMinMaxValue<T> => new(least, T.MaxValue, Whole(least));

    /// <summary>"a whole number from <paramref name="least"/> to" the largest value of <typeparamref name="T"/>.</summary>
    private static string Whole<T>(T least)
        where T : struct, IMinMaxValue<T>, IFormattable => $"a whole number from {least.ToString("N0", CultureInfo.InvariantCulture)} to {Largest<T>()}";

    /// <summary>A numeric option with a default; values outside <paramref name="allowed"/> are refused while parsing, with a message naming the option, the value and what is allowed.</summary>
    public static Option<T> Create<T>(string name, string description, T defaultValue, NumberRange<T> allowed, params string[] aliases)
        where T : struct, INumber<T> =>
        new(name, aliases)
        {
            Description = $"{description} Allowed: {allowed.Text}.",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse(result, name, allowed) ?? defaultValue,
        };

    /// <summary>A numeric option that is null when not given.</summary>
    public static Option<T?> Optional<T>(string name, string description, NumberRange<T> allowed, params string[] aliases)
        where T : struct, INumber<T> =>
        new(name, aliases)
        {
            Description = $"{description} Allowed: {allowed.Text}.",
            CustomParser = result => Parse(result, name, allowed),
        };

    /// <summary>The largest value of <typeparamref name="T"/>, written with thousands separators, for allowed ranges.</summary>
    public static string Largest<T>()
        where T : struct, IMinMaxValue<T>, IFormattable => T.MaxValue.ToString("N0", CultureInfo.InvariantCulture);

    private static T? Parse<T>(ArgumentResult result, string name, NumberRange<T> allowed)
        where T : struct, INumber<T>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        var whole = typeof(T) != typeof(double) && typeof(T) != typeof(float) && typeof(T) != typeof(decimal);
        var styles = whole ? NumberStyles.Integer : NumberStyles.Float;
        var parsed = T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value);
        if (parsed && allowed.Allows(value))
        {
            return value;
        }
        var isNumber = parsed || (whole
            ? BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        result.AddError(isNumber
            ? $"{name}: '{text}' is not allowed; allowed: {allowed}"
            : $"{name}: '{text}' is not {(whole ? "a whole number" : "a number")}; allowed: {allowed}");
        return null;
    }
}
