using System.Globalization;
using YamlDotNet.RepresentationModel;
using static MarketSim.Simulator.Scenarios.YamlNodes;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// Warnings for a rate that is allowed but is most likely written in the other scale: a yearly rate that
/// takes a fraction written as a percent (<c>hazard_per_year: 3</c> for 3%, which fails about 95% of providers
/// within a year), or a field in percent written as a fraction (<c>percent: 0.03</c> for 3%, an uplift of
/// 0.03% a year). Both load and run, so without a warning the slip shows only in the results.
/// </summary>
internal static class PercentScaleSlips
{
    /// <summary>Rates that take fractions (yearly, or a shock's one-off rise), for which 1 (100%) or more is far outside what a market sees.</summary>
    private static readonly string[] YearlyFractions = ["annual_growth", "nlw_growth_after_path", "annual_rate", "hazard_per_year", "increase"];

    private const double SmallestPercent = 0.1;

    /// <summary>One warning for each such value, where the file writes it (once for a value that aliases repeat).</summary>
    public static IEnumerable<ScenarioProblem> Of(ScenarioDocument document, string file)
    {
        var warned = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        return Walk(document.Root, "", document, file, warned).ToList();
    }

    private static IEnumerable<ScenarioProblem> Walk(YamlNode node, string path, ScenarioDocument document, string file, HashSet<YamlNode> warned)
    {
        switch (node)
        {
            case YamlSequenceNode list:
                foreach (var (i, item) in list.Children.Index())
                {
                    foreach (var warning in Walk(item, $"{path}[{i}]", document, file, warned))
                    {
                        yield return warning;
                    }
                }
                break;
            case YamlMappingNode mapping:
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var key = (keyNode as YamlScalarNode)?.Value ?? "";
                    var field = path.Length == 0 ? key : $"{path}.{key}";
                    if (key is "sources" or "source" or "correlations")
                    {
                        continue;
                    }
                    if (Written(value) is { } written && Slip(key, field, written) is { } reason && warned.Add(written))
                    {
                        yield return new ScenarioProblem(document.Origins.GetValueOrDefault(mapping) ?? file, written.Start.Line, written.Start.Column, field, reason);
                        continue;
                    }
                    foreach (var warning in Walk(value, field, document, file, warned))
                    {
                        yield return warning;
                    }
                }
                break;
        }
    }

    /// <summary>Why <paramref name="written"/> at <paramref name="field"/> reads as the other scale; in a field in percent (<see cref="FieldUnits"/>), a value between 0 and 0.1 is a fraction's size (up to 10%).</summary>
    private static string? Slip(string key, string field, YamlScalarNode written)
    {
        if (written.Value is not { } text || YamlNumber.Of(text) is not { } number)
        {
            return null;
        }
        if (YearlyFractions.Contains(key) && Math.Abs(number) >= 1)
        {
            var reads = key switch
            {
                "hazard_per_year" => $"a hazard of {text} a year makes about {Plain(Math.Round((1 - Math.Exp(-number)) * 100))}% of providers fail within a year",
                "increase" => $"{text} is a rise of {Plain(number * 100)}%",
                _ => $"{text} is {Plain(number * 100)}% a year",
            };
            return $"{reads} (this field takes a fraction, 0.03 = 3%); for {text}% write {Plain(number / 100)}";
        }
        if (FieldUnits.Of(field) == "percent" && number != 0 && Math.Abs(number) <= SmallestPercent)
        {
            return $"{text} is {text}% (this field is in percent, 3 = 3%); for {Plain(number * 100)}% write {Plain(number * 100)}";
        }
        return null;
    }

    private static string Plain(double number) => ((decimal)number).ToString("0.##########", CultureInfo.InvariantCulture);
}
