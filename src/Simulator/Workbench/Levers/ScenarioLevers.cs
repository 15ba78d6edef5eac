using System.Globalization;
using System.Text.RegularExpressions;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Workbench.Levers;

/// <summary>
/// The model behind the workbench's Levers page: the values of a scenario a user may change (rates and
/// uplift, capacities, budgets, demand growth, risk-share terms, uncertain ranges), and the check of a
/// filled-in form, which writes the changes as a variant (<c>base:</c> plus the changed entries) and
/// validates it with <see cref="ScenarioLoader"/>, so the form shows the validator's own messages.
/// </summary>
public static partial class ScenarioLevers
{
    /// <summary>The problem (under key "") of a form that changes no value: saving it would give a copy of its base.</summary>
    public const string NothingChanged = "nothing changed; change a lever first";

    /// <summary>The lever groups, in form order.</summary>
    public static IReadOnlyList<string> Groups => LeverCatalogue.Groups;

    /// <summary>The levers of the scenario file at <paramref name="scenarioPath"/> (its base resolved), in form order. Throws <see cref="ScenarioException"/> when the scenario itself is invalid.</summary>
    public static IReadOnlyList<Lever> Read(string scenarioPath) =>
        [.. LeverModel.Load(scenarioPath).Entries.Select(e => e.Lever)];

    /// <summary>
    /// <paramref name="lever"/>'s value as the form shows it: an amount of money (a unit in £) with thousands separators and
    /// every decimal it has, pence included (10,640,000; 12,345.67; 1,234,567.891234), when the form reads that back as the
    /// same number, so that an untouched field is not a change; any other value as the scenario holds it.
    /// </summary>
    public static string Shown(Lever lever)
    {
        ArgumentNullException.ThrowIfNull(lever);
        if (!lever.Unit.StartsWith('£') || YamlNumber.Of(lever.Value) is not { } value)
        {
            return lever.Value;
        }
        var shown = value.ToString(Grouped, CultureInfo.InvariantCulture);
        return YamlNumber.Of(WithoutThousandsSeparators(shown)) == value ? shown : lever.Value;
    }

    // Thousands separators, and up to 15 decimals: as many as the number has (a money amount's pence), none after the last that is not 0.
    private const string Grouped = "#,0.###############";

    /// <summary>
    /// Checks a filled-in form (<paramref name="values"/>: lever key → the text typed) against the scenario at
    /// <paramref name="basePath"/>: writes the variant to a temporary file beside it, validates it with
    /// <see cref="ScenarioLoader"/> and deletes the file. A value equal to the base's is not written, and a form that
    /// changes nothing is refused with <see cref="NothingChanged"/>; a number may be typed with thousands separators
    /// ("10,640,000", "12,345.67"), as the form shows money; a blank
    /// optional value leaves the field out. Text that is not a number is written as text, so the validator
    /// says what the field allows. Problems are by lever key (an unknown key is one; a problem with a field that
    /// is not a lever is under ""); several for one key are joined by new lines. Today's date goes in the
    /// source notes. Throws <see cref="ScenarioException"/> when the base itself is invalid.
    /// </summary>
    public static LeverCheck Check(string basePath, string variantName, IReadOnlyDictionary<string, string> values) =>
        Check(basePath, variantName, values, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime));

    /// <summary>As <see cref="Check(string, string, IReadOnlyDictionary{string, string})"/>, with the date for the source notes given.</summary>
    public static LeverCheck Check(string basePath, string variantName, IReadOnlyDictionary<string, string> values, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(values);
        var model = LeverModel.Load(basePath);
        var byKey = model.Entries.ToDictionary(e => e.Lever.Key, StringComparer.Ordinal);
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var writer = new VariantWriter(model.Tree, today);
        var changed = false;
        foreach (var (key, typed) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!byKey.TryGetValue(key, out var entry))
            {
                Add(problems, key, $"unknown lever '{key}'{DidYouMean.Allowed(key, byKey.Keys, "the keys of this scenario's levers")}");
                continue;
            }
            var text = WithoutThousandsSeparators((typed ?? "").Trim());
            if (!Unchanged(entry, text))
            {
                writer.Change(entry, text);
                changed = true;
            }
        }
        if (!changed && problems.Count == 0)
        {
            Add(problems, "", NothingChanged);
        }
        var yaml = writer.Write(Path.GetFileName(basePath), variantName);
        foreach (var problem in Validate(basePath, yaml))
        {
            foreach (var key in KeysOf(model, problem))
            {
                Add(problems, key, key.Length == 0 && problem.FieldPath.Length > 0 ? $"{problem.FieldPath}: {problem.Message}" : problem.Message);
            }
        }
        return new LeverCheck(yaml, problems.ToDictionary(p => p.Key, p => string.Join("\n", p.Value), StringComparer.Ordinal));
    }

    // The lever keys a problem is shown beside: those of its field, or, for a block that misses a required field that is a
    // lever (rate_setting without the percent its policy needs), that lever alone, not every lever of the block.
    private static IReadOnlyList<string> KeysOf(LeverModel model, ScenarioProblem problem)
    {
        var keys = model.KeysOf(problem.MergedFieldPath);
        if (keys.Count > 1 && MissingField().Match(problem.Message) is { Success: true } missing
            && model.KeysOf($"{problem.MergedFieldPath}.{missing.Groups[1].Value}") is [var one] && one.Length > 0)
        {
            return [one];
        }
        return keys;
    }

    [GeneratedRegex(@"^missing required field '([^']+)'")]
    private static partial Regex MissingField();

    // A number typed with commas between groups of three digits, "10,640,000" or "12,345.67", as the form shows money: the number without them.
    private static string WithoutThousandsSeparators(string text) =>
        ThousandsSeparated().IsMatch(text) ? text.Replace(",", "", StringComparison.Ordinal) : text;

    [GeneratedRegex(@"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex ThousandsSeparated();

    private static IReadOnlyList<ScenarioProblem> Validate(string basePath, string yaml)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(basePath))!;
        var temp = Path.Combine(folder, $".levers-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(temp, yaml);
            return ScenarioLoader.TryLoadUncertain(temp).Problems;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static bool Unchanged(LeverEntry entry, string text)
    {
        var site = entry.Site;
        if (site.Node is null)
        {
            return text.Length == 0;
        }
        return text == site.Text || (YamlNumber.Of(text) is { } typed && YamlNumber.Of(site.Text) is { } was && typed == was);
    }

    private static void Add(Dictionary<string, List<string>> problems, string key, string message)
    {
        if (!problems.TryGetValue(key, out var list))
        {
            problems[key] = list = [];
        }
        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }
}
