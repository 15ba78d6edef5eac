using System.Globalization;
using MarketSim.Grains.Scenario;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// Reads a scenario file (YAML, see docs/scenario-format.md) into an immutable
/// <see cref="MarketScenario"/>, collecting every problem in the file before giving up.
/// </summary>
public static partial class ScenarioLoader
{
    private static readonly Dictionary<string, ProviderRole> Roles = new()
    {
        ["lead"] = ProviderRole.Lead,
        ["framework"] = ProviderRole.Framework,
        ["spot"] = ProviderRole.Spot,
    };

    private static readonly Dictionary<string, FundingStream> Streams =
        FundingStreams.Names.Select((n, i) => (n, (FundingStream)i)).ToDictionary(p => p.n, p => p.Item2);

    private static readonly string[] Funded = [.. Streams.Keys.Where(k => Streams[k] != FundingStream.SelfFunder)];

    /// <summary>Loads and validates <paramref name="path"/>; throws <see cref="ScenarioException"/> listing every problem.</summary>
    public static MarketScenario Load(string path)
    {
        var (scenario, problems) = TryLoad(path);
        return scenario ?? throw new ScenarioException(problems);
    }

    /// <summary>Loads and validates <paramref name="path"/> with its uncertain inputs; throws <see cref="ScenarioException"/> listing every problem.</summary>
    public static UncertainScenario LoadUncertain(string path)
    {
        var (scenario, problems) = TryLoadUncertain(path);
        return scenario ?? throw new ScenarioException(problems);
    }

    /// <summary>Loads <paramref name="path"/>, returning the scenario (null when there are problems) and the problems.</summary>
    public static (MarketScenario? Scenario, IReadOnlyList<ScenarioProblem> Problems) TryLoad(string path)
    {
        var (loaded, problems) = TryLoadUncertain(path);
        return (loaded?.Median, problems);
    }

    /// <summary>Parses scenario text; <paramref name="file"/> names it in problems and locates its base, if any. Uncertain inputs are at their medians.</summary>
    public static (MarketScenario? Scenario, IReadOnlyList<ScenarioProblem> Problems) Parse(string text, string file)
    {
        var (loaded, problems) = ParseUncertain(text, file);
        return (loaded?.Median, problems);
    }

    /// <summary>
    /// Loads <paramref name="path"/> with its uncertain inputs (none for a fixed-value scenario), reading the file
    /// once: the scenario's <see cref="UncertainScenario.Source"/> is what was read.
    /// </summary>
    public static (UncertainScenario? Scenario, IReadOnlyList<ScenarioProblem> Problems) TryLoadUncertain(string path)
    {
        var read = ScenarioFileText.Read(path, out var problem);
        return read is null ? (null, [problem!]) : ParseUncertain(read.Text, path, read.Sha256);
    }

    /// <summary>Parses scenario text with its uncertain inputs (see <see cref="Parse"/>); the scenario has no <see cref="UncertainScenario.Source"/>.</summary>
    public static (UncertainScenario? Scenario, IReadOnlyList<ScenarioProblem> Problems) ParseUncertain(string text, string file) =>
        ParseUncertain(text, file, sha256: null);

    /// <summary>
    /// Reads and parses the file at <paramref name="path"/> and its bases, once, without reading the scenario's fields:
    /// the document and what a results folder records of it, or nulls with <paramref name="problems"/> recorded.
    /// </summary>
    internal static (ScenarioDocument? Document, ScenarioSource? Source) ReadDocument(string path, List<ScenarioProblem> problems)
    {
        if (ScenarioFileText.Read(path, out var problem) is not { } read)
        {
            problems.Add(problem!);
            return (null, null);
        }
        var document = ScenarioDocument.Parse(read.Text, path, problems);
        return document is null ? (null, null) : (document, SourceOf(document, read.Text, path, read.Sha256));
    }

    private static (UncertainScenario? Scenario, IReadOnlyList<ScenarioProblem> Problems) ParseUncertain(string text, string file, string? sha256)
    {
        var problems = new List<ScenarioProblem>();
        var document = ScenarioDocument.Parse(text, file, problems);
        var source = document is null || sha256 is null || problems.Count > 0 ? null : SourceOf(document, text, file, sha256);
        var loaded = document is null ? null : Read(document, file, problems, source);
        return problems.Count == 0
            ? (loaded, problems)
            : (null, [.. SharedBlocks.Collapse(problems, document?.Root).Select(p => document?.AsWritten(p) ?? p).OrderBy(p => p.File != file).ThenBy(p => p.Line).ThenBy(p => p.Column)]);
    }

    private static ScenarioSource SourceOf(ScenarioDocument document, string text, string file, string sha256) =>
        new(file, sha256, document.HasBase ? document.ToYaml() : text);

    /// <summary>
    /// Reads a scenario from an already parsed (and possibly edited) document; uncertain inputs are at their medians, or errors when not
    /// <paramref name="uncertain"/>. What the document warns about when it loads is added to <paramref name="warnings"/> when given.
    /// </summary>
    internal static (MarketScenario? Scenario, IReadOnlyList<ScenarioProblem> Problems) FromDocument(ScenarioDocument document, string file, bool uncertain = true, List<ScenarioProblem>? warnings = null)
    {
        var problems = new List<ScenarioProblem>();
        var loaded = uncertain ? Read(document, file, problems, source: null) : null;
        warnings?.AddRange(loaded?.Warnings ?? []);
        var scenario = uncertain
            ? loaded?.Median
            : YamlFields.Of(document.Root, "", file, problems, document.Origins, fieldsOf: Reader.FieldsOfScenario) is { } root ? new Reader(root).Read() : null;
        return problems.Count == 0 ? (scenario, problems) : (null, [.. SharedBlocks.Collapse(problems, document.Root).Select(document.AsWritten).OrderBy(p => p.Line)]);
    }

    /// <summary>A warning for each commissioner with more yearly budgets than the horizon has model years: the last ones are never used, which is likely a mistake in the horizon or the list.</summary>
    private static IEnumerable<ScenarioProblem> UnusedBudgets(MarketScenario scenario, ScenarioDocument document, string file)
    {
        var listed = document.Root is YamlMappingNode root && root.Children.TryGetValue(new YamlScalarNode("commissioners"), out var node) && node is YamlSequenceNode items
            ? items.Children
            : [];
        foreach (var (i, commissioner) in scenario.Commissioners.Index())
        {
            var budgets = commissioner.AnnualBudgetsGbp.Length;
            if (budgets <= scenario.HorizonYears)
            {
                continue;
            }
            var at = i < listed.Count && listed[i] is YamlMappingNode entry && entry.Children.TryGetValue(new YamlScalarNode("annual_budgets_gbp"), out var list) ? list.Start : default;
            yield return new ScenarioProblem(document.Origins.GetValueOrDefault(listed.ElementAtOrDefault(i) ?? document.Root) ?? file, at.Line, at.Column, $"commissioners[{i}].annual_budgets_gbp",
                $"{budgets} budgets for a horizon of {scenario.HorizonYears} model {(scenario.HorizonYears == 1 ? "year" : "years")}: {(budgets - scenario.HorizonYears == 1 ? "the last is" : $"the last {budgets - scenario.HorizonYears} are")} never used; check horizon_years or the list");
        }
    }

    private static UncertainScenario? Read(ScenarioDocument document, string file, List<ScenarioProblem> problems, ScenarioSource? source)
    {
        var uncertain = new UncertainFields(document.Root);
        var root = YamlFields.Of(document.Root, "", file, problems, document.Origins, uncertain, fieldsOf: Reader.FieldsOfScenario);
        var scenario = root is null ? null : new Reader(root).Read();
        if (scenario is null || problems.Count > 0)
        {
            return null;
        }
        var warnings = UnusedBudgets(scenario, document, file).Concat(IneffectiveOtherWork.Of(scenario, document, file)).Concat(PercentScaleSlips.Of(document, file))
            .Concat(NoReferrals.Of(scenario, document, file)).ToList();
        var correlations = root!.Object("correlations", required: false, fieldsOf: CorrelationSection.FieldsOf) is { } section
            ? CorrelationSection.Read(section, [.. uncertain.Inputs.Select(i => i.Input)], document.Root, warnings)
            : null;
        if (problems.Count > 0)
        {
            return null;
        }
        var loaded = new UncertainScenario(scenario, document, file, uncertain.Inputs) { Correlations = correlations, Warnings = warnings, Source = source };
        problems.AddRange(loaded.ProblemsAtExtremes());
        return problems.Count > 0 ? null : loaded;
    }

    /// <summary>
    /// The scenario exactly as it was run: the file's own text, or, for a file with a base, the
    /// merged scenario as YAML (comments are lost; every value and source note is kept).
    /// </summary>
    public static string EffectiveYaml(string path)
    {
        var problems = new List<ScenarioProblem>();
        var (_, source) = ReadDocument(path, problems);
        return source?.EffectiveYaml ?? throw new ScenarioException(problems);
    }

    /// <summary>The readers of each section; each records problems and returns what it could read.</summary>
    private sealed partial class Reader(YamlFields root)
    {
        public MarketScenario? Read()
        {
            var name = ReadName(root, required: true);
            root.Text("description", required: false);
            root.Node("sources", required: false);
            root.Node("base", required: false);
            root.Node("correlations", required: false);
            var start = ReadDate(root, "start_date");
            var years = root.Number("horizon_years", 0, 100, "a number of years > 0 and ≤ 100 (fractions allowed); it sets the length of every output series, so it cannot be uncertain", exclusiveMin: true, fixedOnly: true);
            var weeks = HorizonWeeks(root, start, years);
            var step = root.Text("time_step", required: false) ?? "week";
            if (step != "week")
            {
                root.Report(root.Node("time_step", false), root.PathOf("time_step"), $"'{step}' is not supported; allowed: week");
            }
            var zoneItems = NotEmpty(root, "zones", "at least one zone");
            var zoneIds = IdsOf(zoneItems);
            var zones = zoneItems.Select(z => Entry(z, ReadZone)).ToList();
            var defaults = ReadProviderDefaults(root.Object("provider_defaults", required: false, fieldsOf: d => ReadProviderDefaults(d)));
            var providerItems = NotEmpty(root, "providers", "at least one provider");
            var providerIds = IdsOf(providerItems);
            var providers = providerItems.Select(p => Entry(p, f => ReadProvider(f, zoneIds, defaults))).ToList();
            var commissionerItems = NotEmpty(root, "commissioners", "at least one commissioner");
            var commissioners = commissionerItems.Select(c => Entry(c, ReadCommissioner)).ToList();
            var commissionerIds = IdsOf(commissionerItems);
            var pools = root.List("pooled_budgets", required: false).Select(p => Entry(p, f => ReadPool(f, commissionerIds))).ToList();
            var economyNode = root.Object("economy", required: false, fieldsOf: e => ReadEconomy(e));
            var economy = economyNode is null ? null : ReadEconomy(economyNode);
            var rateNode = root.Object("rate_setting", required: false, fieldsOf: r => ReadRateSetting(r, commissionerIds));
            var rates = rateNode is null ? null : ReadRateSetting(rateNode, commissionerIds);
            var selfNode = root.Object("self_funders", required: false, fieldsOf: s => ReadSelfFunders(s));
            var selfFunders = selfNode is null ? null : ReadSelfFunders(selfNode);
            var shockItems = root.List("shocks", required: false);
            var shocks = shockItems.Select(s => Entry(s, f => ReadShock(f, providerIds, zoneIds))).ToList();
            CheckOneExitEach(root, shockItems, shocks);
            var dpsNode = root.Object("dynamic_purchasing", required: false, fieldsOf: d => ReadDynamicPurchasing(d, defaults));
            var dps = dpsNode is null ? null : ReadDynamicPurchasing(dpsNode, defaults);
            var unmetNode = root.Object("unmet_need", required: false, fieldsOf: u => ReadUnmetNeed(u, commissionerIds));
            var unmetNeed = unmetNode is null ? null : ReadUnmetNeed(unmetNode, commissionerIds);
            root.RejectUnknown();
            if (name is null || start is null || weeks is null || zones.Contains(null) || providers.Contains(null)
                || commissioners.Contains(null) || pools.Contains(null) || shocks.Contains(null)
                || Unread(root, "economy", economy) || Unread(root, "rate_setting", rates) || Unread(root, "self_funders", selfFunders)
                || Unread(root, "dynamic_purchasing", dps) || Unread(root, "unmet_need", unmetNeed))
            {
                return null;
            }
            var scenario = new MarketScenario(
                name, start.Value, weeks.Value,
                [.. zones!], [.. providers!], [.. commissioners!], [.. pools!],
                economy, rates, selfFunders, [.. shocks!], dps, unmetNeed);
            new CrossChecks(root, scenario).Run();
            return scenario;
        }

        /// <summary>
        /// Whether the optional section <paramref name="key"/> is written but did not read (<paramref name="read"/> null), whether
        /// as a mapping with a bad field or as one value (<c>economy: 0.02</c>): the section's own message is then the only one,
        /// without the cross-checks that would find the section missing.
        /// </summary>
        private static bool Unread(YamlFields root, string key, object? read) => read is null && root.Node(key, false) is not null;

        /// <summary>
        /// Reports <paramref name="id"/> in <paramref name="field"/> as not one of <paramref name="known"/>, unless none is known:
        /// then the list the ids come from is missing or empty, which is reported already, and every id would be unknown.
        /// </summary>
        private static void ReportUnknown(YamlFields f, string field, string kind, string id, IReadOnlyCollection<string> known)
        {
            if (known.Count > 0)
            {
                f.Report(f.Node(field, false), f.PathOf(field), $"unknown {kind} '{id}'{DidYouMean.Allowed(id, known, string.Join(", ", known))}");
            }
        }

        /// <summary>
        /// The ids written in a section, each once, read before the section itself, so that one bad entry does not make references to it
        /// fail too (an id written twice is refused where its section is read, and is not listed twice among the ids allowed elsewhere).
        /// </summary>
        private static List<string> IdsOf(IReadOnlyList<(YamlNode Node, string Path)> items) =>
            [.. items.Select(i => i.Node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var id) ? (id as YamlScalarNode)?.Value : null)
                .OfType<string>().Distinct(StringComparer.Ordinal)];

        /// <summary>The fields of a whole scenario, for a file that is one value or a list.</summary>
        public static void FieldsOfScenario(YamlFields f) => new Reader(f).Read();

        /// <summary>Reads list entry <paramref name="item"/> with <paramref name="read"/>; one that is not a mapping is reported with the fields <paramref name="read"/> takes.</summary>
        private T? Entry<T>((YamlNode Node, string Path) item, Func<YamlFields, T?> read)
            where T : class =>
            root.Child(item.Node, item.Path, fieldsOf: f => read(f)) is { } f ? read(f) : null;

        private static string? ReadId(YamlFields f)
        {
            var id = f.Text("id", allowed: IdAllowed);
            if (id is not null && !IsId(id))
            {
                f.Report(f.Node("id", false), f.PathOf("id"), $"'{id}' is not a valid id; allowed: {IdAllowed}");
                return null;
            }
            return id;
        }

        private const string IdAllowed = "an id of lower-case letters, digits and underscores, starting with a letter";

        private static bool IsId(string id) =>
            id.Length > 0 && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

        /// <summary>A name to show people: printable text, not blank (a control character in a name broke results.xlsx after the runs).</summary>
        private static string? ReadName(YamlFields f, bool required = false)
        {
            var allowed = "a name of printable text, not blank";
            var name = f.Text("name", required, allowed);
            if (name is null)
            {
                return null;
            }
            var control = name.ToList().FindIndex(char.IsControl);
            if (string.IsNullOrWhiteSpace(name) || control >= 0)
            {
                var what = control >= 0 ? $"contains a control character (U+{(int)name[control]:X4})" : "is blank";
                f.Report(f.Node("name", false), f.PathOf("name"), $"{what}; allowed: {allowed}");
                return null;
            }
            return name;
        }

        /// <summary>A provider is forced out by one shock at most: a second was ignored, so it is refused at the repeat.</summary>
        private static void CheckOneExitEach(YamlFields root, IReadOnlyList<(YamlNode Node, string Path)> items, List<ShockSpec?> shocks)
        {
            var first = new Dictionary<string, int>();
            for (var i = 0; i < shocks.Count; i++)
            {
                if (shocks[i] is { Kind: ShockKind.ProviderExit, ProviderId: { } provider } && !first.TryAdd(provider, i))
                {
                    var node = items[i].Node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("provider"), out var p) ? p : items[i].Node;
                    root.Report(node, $"{items[i].Path}.provider", $"'{provider}' is already forced out by {items[first[provider]].Path} (week {shocks[first[provider]]!.Week}); allowed: one provider_exit a provider");
                }
            }
        }

        /// <summary>The list <paramref name="key"/>, reported when empty: a market needs at least one of each.</summary>
        private static IReadOnlyList<(YamlNode Node, string Path)> NotEmpty(YamlFields root, string key, string allowed)
        {
            var items = root.List(key, allowed: allowed);
            if (items.Count == 0 && root.Node(key, false) is YamlSequenceNode node)
            {
                root.Report(node, root.PathOf(key), $"empty list; allowed: {allowed}");
            }
            return items;
        }

        /// <summary>
        /// The horizon in weekly steps, a model year being 52; null when the years could not be read, or (reported) when they
        /// make less than one step or a last week or month past the calendar's end: the checks across sections, which need a
        /// horizon, are then left out.
        /// </summary>
        private static int? HorizonWeeks(YamlFields root, DateOnly? start, double? years)
        {
            if (years is not { } y)
            {
                return null;
            }
            var weeks = (int)Math.Round(y * MarketScenario.WeeksPerYear);
            if (weeks < 1)
            {
                root.Report(root.Node("horizon_years", false), root.PathOf("horizon_years"),
                    $"{y.ToString(CultureInfo.InvariantCulture)} years is less than one weekly step; allowed: at least 1/52 of a year (0.0193), up to 100");
                return null;
            }
            // The outputs date every week and month of the horizon, and a part month after it.
            if (start is { } s && s.DayNumber > DateOnly.MaxValue.DayNumber - (7 * weeks) - 62)
            {
                root.Report(root.Node("start_date", false), root.PathOf("start_date"),
                    $"{s:yyyy-MM-dd} plus the {y.ToString(CultureInfo.InvariantCulture)}-year horizon runs past 31 December 9999; allowed: a start date whose horizon ends before then");
                return null;
            }
            return weeks;
        }

        private static DateOnly? ReadDate(YamlFields f, string key)
        {
            var text = f.Text(key, allowed: "a date as YYYY-MM-DD");
            if (text is null)
            {
                return null;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
            {
                return date;
            }
            f.Report(f.Node(key, false), f.PathOf(key), $"'{text}' is not a date; allowed: a date as YYYY-MM-DD");
            return null;
        }
    }
}
