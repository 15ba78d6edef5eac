using System.Text.RegularExpressions;
using MarketSim.Simulator.Scenarios;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Workbench.Levers;

/// <summary>
/// Which values of a scenario are levers, and how each is shown: its group, label and unit, from the
/// field's path (docs/scenario-format.md names the fields). Values stay in the unit the YAML holds.
/// </summary>
internal static partial class LeverCatalogue
{
    /// <summary>The groups in form order.</summary>
    public static readonly string[] Groups = [Rates, Capacity, Budgets, Growth, RiskShare, Uncertain];

    private const string Rates = "Hourly rates and uplift";
    private const string Capacity = "Provider capacity";
    private const string Budgets = "Budgets";
    private const string Growth = "Demand growth";
    private const string RiskShare = "Risk-share agreements";
    private const string Uncertain = "Uncertain ranges";
    private const string Share = "share (0–1)";
    private const string PoundsAYear = "£ a year";
    private const string Fraction = "a year, as a fraction (0.02 = 2%)";

    private static readonly Dictionary<string, string> ParameterWords = new()
    {
        ["min"] = "lowest",
        ["mode"] = "most likely",
        ["max"] = "highest",
        ["mean"] = "mean",
        ["sd"] = "standard deviation",
        ["lambda"] = "PERT λ",
        ["alpha"] = "α",
        ["beta"] = "β",
        ["shape"] = "shape",
        ["scale"] = "scale",
    };

    // The lever fields whose allowed values include negative numbers (a fall in demand, a pay cut).
    private static readonly HashSet<string> MayBeNegative = ["annual_growth", "annual_rate", "nlw_growth_after_path", "outside_wage_margin_gbp_per_hour", "percent"];

    private static readonly Dictionary<string, (string Words, string Unit)> Fields = new()
    {
        ["rate_gbp_per_hour"] = ("hourly rate", "£ an hour"),
        ["capacity_weekly_hours"] = ("capacity", "hours a week"),
        ["annual_growth"] = ("referral growth", Fraction),
        ["weekly_referrals_people"] = ("referrals", "people a week"),
        ["starting_caseload_people"] = ("starting caseload", "people"),
        ["annual_rate"] = ("CPI inflation", Fraction),
        ["volatility"] = ("volatility", "standard deviation (0–1)"),
        ["nlw_growth_after_path"] = ("NLW growth after the path", Fraction),
        ["nlw_volatility"] = ("NLW volatility", "standard deviation (0–1)"),
        ["outside_wage_margin_gbp_per_hour"] = ("outside wage over the NLW", "£ an hour"),
        ["annual_turnover"] = ("staff turnover", "share of workers a year (0–0.99)"),
        ["reserves_gbp"] = ("reserves", "£"),
        ["hazard_per_year"] = ("failure hazard", "a year"),
        ["annual_budgets_gbp"] = ("budget", PoundsAYear),
        ["cost_gbp_per_hour"] = ("cost of an unmet hour", "£ an hour"),
        ["week"] = ("week", "week"),
        ["percent"] = ("uplift", "% a year"),
    };

    /// <summary>The lever at <paramref name="site"/>, or null when that value is not one; <paramref name="uncertain"/> holds the uncertain inputs' paths.</summary>
    public static (Lever Lever, bool Optional)? Describe(LeverSite site, ScenarioTree tree, IReadOnlySet<string> uncertain)
    {
        var path = site.StablePaths[0];
        var key = KeyOf(path);
        Lever Make(string group, string label, string unit) => new(key, group, label, unit, site.Text, site.ShownSource) { InputMode = InputMode(path) };
        if (YamlNodes.Child(site.Parent, "distribution") is { } kind && site.Key is { } parameter && ParameterWords.TryGetValue(parameter, out var words))
        {
            var field = path[..path.LastIndexOf('.')];
            if (!uncertain.Contains(field))
            {
                return null;
            }
            var (fieldWords, unit) = Words(field);
            var source = YamlNodes.Text(site.Parent, "source");
            return (Make(Uncertain, $"{Owner(tree, site, field)}: {fieldWords}, {words} ({(kind as YamlScalarNode)?.Value} {parameter})", unit) with { Source = source }, false);
        }
        if (site.IsDistribution)
        {
            return null;
        }
        var who = Owner(tree, site, path);
        if (ProviderField().Match(path) is { Success: true } p)
        {
            return p.Groups[1].Value == "rate_gbp_per_hour"
                ? (Make(Rates, $"{who}: hourly rate", "£ an hour"), false)
                : (Make(Capacity, $"{who}: capacity", "hours a week"), false);
        }
        if (RateSettingField().Match(path) is { Success: true } r)
        {
            return r.Groups[1].Value switch
            {
                "policy" => (Make(Rates, "Yearly rate uplift: policy", "fixed, cpi_linked, nlw_linked or budget_capped; blank: rates frozen"), true),
                "percent" => (Make(Rates, "Yearly rate uplift: percent (policy fixed)", "% a year"), true),
                "base" => (Make(Rates, "Yearly rate uplift: the policy that is capped (budget_capped)", "fixed, cpi_linked or nlw_linked"), true),
                _ => (Make(Rates, "Yearly rate uplift: whose budget caps it (budget_capped)", "a commissioner id"), true),
            };
        }
        if (Budget().Match(path) is { Success: true } b)
        {
            return (Make(Budgets, $"{who}: budget, {ModelYears(site, b.Groups[1].Value)}", PoundsAYear), false);
        }
        if (Contribution().Match(path) is { Success: true } c)
        {
            var partner = Name(tree, "commissioners", c.Groups[2].Value);
            var year = c.Groups[3].Success ? $", {ModelYears(site, c.Groups[3].Value)}" : "";
            return (Make(Budgets, $"{who}: {partner}'s contribution{year}", PoundsAYear), false);
        }
        if (ZoneGrowth().IsMatch(path))
        {
            return (Make(Growth, $"{who}: referral growth", $"{Fraction}; blank: none"), true);
        }
        if (PoolField().Match(path) is { Success: true } pool)
        {
            return pool.Groups[2].Value switch
            {
                "threshold_gbp" => (Make(RiskShare, $"{who}: liability threshold reported", "£ of a party's liability over the horizon"), true),
                "phasing.starting_share" => (Make(RiskShare, $"{who}: share pooled at the start", Share), false),
                _ => (Make(RiskShare, $"{who}: fully pooled by week", "week"), false),
            };
        }
        if (AgreementField().Match(path) is { Success: true } a)
        {
            var agreement = $"{who}, {tree.TextAt($"pooled_budgets.{a.Groups[1].Value}.risk_share_models.{a.Groups[2].Value}", "name") ?? a.Groups[2].Value}";
            return AgreementLever(tree, a.Groups[3].Value, agreement) is { } described ? (Make(RiskShare, described.Label, described.Unit), described.Optional) : null;
        }
        return null;
    }

    // Entry `index` of a list by model year, in words: model years are numbered from 1, as docs/outputs.md
    // and providers.csv number them, and the last entry repeats for the years after it.
    private static string ModelYears(LeverSite site, string index)
    {
        var year = int.Parse(index, System.Globalization.CultureInfo.InvariantCulture) + 1;
        var entries = site.Parent is YamlSequenceNode list ? list.Children.Count : 0;
        return entries == 1 ? "every model year"
            : site.Index == entries - 1 ? $"model year {year} and later years"
            : $"model year {year}";
    }

    // The keyboard a phone offers for the value at `path`: a decimal keypad for a number, but none for words (an uplift
    // policy, a commissioner's id) nor for a number that may be negative, as a decimal keypad has no minus sign.
    private static string? InputMode(string path)
    {
        var fields = path.Split('.').Select(f => f.Split('[')[0]).ToList();
        var words = fields[0] == "rate_setting" && fields[^1] != "percent";
        return words || fields.Any(MayBeNegative.Contains) ? null : "decimal";
    }

    /// <summary>The form key of a stable path: list indices become dot segments (<c>annual_budgets_gbp[0]</c> → <c>annual_budgets_gbp.0</c>).</summary>
    public static string KeyOf(string stablePath) => Index().Replace(stablePath, ".$1");

    private static (string Label, string Unit, bool Optional)? AgreementLever(ScenarioTree tree, string rest, string agreement)
    {
        string Partner(string id) => Name(tree, "commissioners", id);
        var parts = rest.Split('.');
        return parts switch
        {
            ["shares", var who] => ($"{agreement}: {Partner(who)}'s share of an overspend", Share, false),
            [var tier, "up_to_gbp"] when TierIndex(tier) is { } t => ($"{agreement}: band {t + 1}, upper edge", "£ of overspend a year", false),
            [var tier, "shares", var who] when TierIndex(tier) is { } t => ($"{agreement}: band {t + 1}, {Partner(who)}'s share", Share, false),
            ["caps", var who, "gbp"] => ($"{agreement}: {Partner(who)}'s cap", PoundsAYear, false),
            ["caps", var who, "percent_of_contribution"] => ($"{agreement}: {Partner(who)}'s cap", "% of its contribution", false),
            ["underspend", "share"] => ($"{agreement}: favoured partner's share of an underspend", Share, false),
            ["contingency_gbp", var who] => ($"{agreement}: {Partner(who)}'s contingency", PoundsAYear, false),
            ["contribution_scaling", "reference_budget_gbp"] => ($"{agreement}: scaling, reference budget", "£", false),
            ["contribution_scaling", "reference_outturn_gbp"] => ($"{agreement}: scaling, reference out-turn", "£", false),
            ["gain_loss", "provider_share"] => ($"{agreement}: providers' share of a gain or loss", Share, false),
            ["gain_loss", "expected_spend_gbp"] => ($"{agreement}: expected spend", $"{PoundsAYear}; blank: the pool", true),
            ["gain_loss", "cap_gbp"] => ($"{agreement}: most providers can lose", $"{PoundsAYear}; blank: no cap", true),
            ["gain_loss", "collar_gbp"] => ($"{agreement}: most providers can gain", $"{PoundsAYear}; blank: no collar", true),
            ["payment_for_performance", "pot_gbp"] => ($"{agreement}: payment-for-performance pot", PoundsAYear, false),
            ["payment_for_performance", "baseline_waiting_people"] => ($"{agreement}: waiting list counted as 0% achieved", "people", false),
            ["payment_for_performance", "target_waiting_people"] => ($"{agreement}: waiting list counted as 100% achieved", "people", false),
            _ => null,
        };
    }

    private static int? TierIndex(string segment) =>
        segment.StartsWith("tiers[", StringComparison.Ordinal) && int.TryParse(segment[6..^1], out var i) ? i : null;

    /// <summary>Who a value belongs to, in words: the names of every entry reaching it (several through an alias), or the section.</summary>
    private static string Owner(ScenarioTree tree, LeverSite site, string path)
    {
        var section = path.Split('.')[0];
        if (!ScenarioTree.MergedById.Contains(section))
        {
            var words = section.Replace('_', ' ');
            return char.ToUpperInvariant(words[0]) + words[1..];
        }
        var names = site.Owners.Where(o => o.Section == section && o.Id is not null).Select(o => Name(tree, section, o.Id!)).Distinct().ToList();
        return names.Count == 0 ? section : string.Join(", ", names);
    }

    private static string Name(ScenarioTree tree, string section, string id) => tree.TextAt($"{section}.{id}", "name") ?? id;

    private static (string Words, string Unit) Words(string path)
    {
        var segments = path.Split('.');
        var field = segments[^1];
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        var name = bracket >= 0 ? field[..bracket] : field;
        var (words, unit) = Fields.TryGetValue(name, out var known) ? known : (name.Replace('_', ' '), Scenarios.FieldUnits.Of(path));
        var inside = ScenarioTree.MergedById.Contains(segments[0]) ? segments[2..^1] : segments[1..^1];
        var context = string.Join(" ", inside.Where(s => !s.StartsWith('[')).Select(s => s.Replace('_', ' ')));
        return (context.Length > 0 && !Fields.ContainsKey(name) ? $"{context} {words}" : words, unit);
    }

    [GeneratedRegex(@"^providers\.[a-z0-9_]+\.(rate_gbp_per_hour|capacity_weekly_hours)$")]
    private static partial Regex ProviderField();

    [GeneratedRegex(@"^rate_setting\.(policy|percent|base|commissioner)$")]
    private static partial Regex RateSettingField();

    [GeneratedRegex(@"^commissioners\.[a-z0-9_]+\.annual_budgets_gbp\[(\d+)\]$")]
    private static partial Regex Budget();

    [GeneratedRegex(@"^pooled_budgets\.([a-z0-9_]+)\.partners\.([a-z0-9_]+)\.contribution_gbp_per_year(?:\[(\d+)\])?$")]
    private static partial Regex Contribution();

    [GeneratedRegex(@"^zones\.[a-z0-9_]+\.demand\.annual_growth$")]
    private static partial Regex ZoneGrowth();

    [GeneratedRegex(@"^pooled_budgets\.([a-z0-9_]+)\.(threshold_gbp|phasing\.starting_share|phasing\.full_by_week)$")]
    private static partial Regex PoolField();

    [GeneratedRegex(@"^pooled_budgets\.([a-z0-9_]+)\.risk_share_models\.([a-z0-9_]+)\.(.+)$")]
    private static partial Regex AgreementField();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();
}
