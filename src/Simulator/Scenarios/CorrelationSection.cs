using System.Globalization;
using MarketSim.Grains.Uncertainty;
using MarketSim.Grains.Uncertainty.Correlation;
using MarketSim.Simulator.Sensitivity;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// Reads a scenario's <c>correlations:</c> section (docs/scenario-format.md, "Correlated inputs"): pairs or a
/// matrix of rank correlations between uncertain inputs named by path, checked like every other field; a matrix
/// no joint distribution can have is an error unless <c>repair: nearest</c>, which repairs it with a warning.
/// </summary>
internal static class CorrelationSection
{
    private const string RhoAllowed = "a rank correlation from -1 to 1";
    private static readonly Dictionary<string, bool> Repairs = new() { ["error"] = false, ["nearest"] = true };

    /// <summary>The fields of the section, for one written as one value (<c>correlations: 0.3</c>).</summary>
    public static void FieldsOf(YamlFields f) => Read(f, [], new YamlMappingNode(), []);

    /// <summary>Reads <paramref name="f"/> against <paramref name="inputs"/>; returns null with problems recorded, adding a warning when it repairs.</summary>
    public static ScenarioCorrelations? Read(YamlFields f, IReadOnlyList<UncertainInput> inputs, YamlNode root, List<ScenarioProblem> warnings)
    {
        var before = f.Problems.Count;
        var repair = f.Choice("repair", Repairs, required: false) ?? false;
        var pairsNode = f.Node("pairs", false);
        var matrixNode = f.Node("matrix", false);
        f.RejectUnknown();
        var source = f.Node("source", false) is YamlScalarNode { Value: { } s } ? s : null;
        if (pairsNode is not null && matrixNode is not null)
        {
            f.Report(matrixNode, f.PathOf("matrix"), "both pairs and matrix are given; allowed: either pairs (a list of {inputs: [A, B], rank_correlation: R}) or matrix ({inputs: [...], values: [[...], ...]}), not both");
            return null;
        }
        if (pairsNode is null && matrixNode is null)
        {
            f.Report("neither pairs nor matrix is given; allowed: pairs (a list of {inputs: [A, B], rank_correlation: R}) or matrix ({inputs: [...], values: [[...], ...]})");
            return null;
        }
        var paths = inputs.Select(i => i.Path).ToList();
        var requested = pairsNode is not null ? Pairs(f, paths, root)
            : f.Object("matrix", fieldsOf: m => Matrix(m, paths, root)) is { } matrix ? Matrix(matrix, paths, root)
            : null;
        if (requested is null || f.Problems.Count > before)
        {
            return null;
        }
        var smallest = requested.SmallestEigenvalue;
        if (requested.IsPositiveSemiDefinite())
        {
            return new ScenarioCorrelations(requested, requested, null, source);
        }
        var names = string.Join(", ", requested.InputNames);
        if (!repair)
        {
            f.Report($"the rank correlations between {names} are not consistent: no joint distribution can have them (the matrix's smallest eigenvalue is {N(smallest)}, below 0); allowed: a positive semi-definite matrix, or add repair: nearest to use the nearest valid matrix instead (with a warning saying how far it moved)");
            return null;
        }
        var repaired = requested.NearestValid();
        var moves = repaired.Changes.Where(c => c.Size >= 0.005).Select(c => $"rho({c.First}, {c.Second}) {c.From:0.00} → {c.To:0.00}").ToList();
        var moved = moves.Count > 0 ? string.Join(", ", moves) : "every pair moved by less than 0.005";
        warnings.Add(new ScenarioProblem(f.File, 0, 0, f.Path,
            $"repaired to the nearest valid matrix (smallest eigenvalue was {N(smallest)}): {moved} (largest move {N(repaired.LargestChange)}, Frobenius norm {N(repaired.FrobeniusChange)})"));
        return new ScenarioCorrelations(requested, repaired.Repaired, repaired, source);
    }

    private static RankCorrelationMatrix? Pairs(YamlFields f, List<string> paths, YamlNode root)
    {
        var pairs = new List<RankCorrelationPair>();
        var seen = new Dictionary<(string, string), long>();
        var ok = true;
        foreach (var (node, path) in f.List("pairs"))
        {
            if (f.Child(node, path, fieldsOf: p => ReadPair(p, paths, root)) is not { } pair)
            {
                ok = false;
                continue;
            }
            var (names, rho) = ReadPair(pair, paths, root);
            if (names is null || rho is null)
            {
                ok = false;
                continue;
            }
            if (names.Count != 2 || names[0] == names[1])
            {
                pair.Report(pair.Node("inputs", false), pair.PathOf("inputs"), $"{names.Count} input{(names.Count == 1 ? "" : "s")} ({string.Join(", ", names)}); allowed: two different uncertain inputs");
                ok = false;
                continue;
            }
            var key = string.CompareOrdinal(names[0], names[1]) < 0 ? (names[0], names[1]) : (names[1], names[0]);
            if (seen.TryGetValue(key, out var line))
            {
                pair.Report(pair.Node("inputs", false), pair.PathOf("inputs"), $"the pair ({names[0]}, {names[1]}) is given twice (first at line {line}); allowed: each pair once");
                ok = false;
                continue;
            }
            seen[key] = node.Start.Line;
            pairs.Add(new RankCorrelationPair(names[0], names[1], rho.Value));
        }
        if (!ok || pairs.Count == 0)
        {
            if (ok)
            {
                f.Report(f.Node("pairs", false), f.PathOf("pairs"), "empty list; allowed: at least one pair {inputs: [A, B], rank_correlation: R}");
            }
            return null;
        }
        var used = paths.Where(p => pairs.Any(q => q.First == p || q.Second == p)).ToList();
        return RankCorrelationMatrix.FromPairs(used, pairs);
    }

    private static (List<string>? Names, double? Rho) ReadPair(YamlFields pair, List<string> paths, YamlNode root)
    {
        var names = Names(pair, "inputs", paths, root);
        var rho = pair.Number("rank_correlation", -1, 1, RhoAllowed, fixedOnly: true);
        pair.RejectUnknown();
        return (names, rho);
    }

    private static RankCorrelationMatrix? Matrix(YamlFields f, List<string> paths, YamlNode root)
    {
        var names = Names(f, "inputs", paths, root);
        var rows = f.List("values");
        f.RejectUnknown();
        if (names is null || rows.Count == 0)
        {
            return null;
        }
        if (names.Distinct().Count() != names.Count || names.Count < 2)
        {
            f.Report(f.Node("inputs", false), f.PathOf("inputs"), $"{string.Join(", ", names)}; allowed: at least two different uncertain inputs, each once");
            return null;
        }
        var k = names.Count;
        var values = new double[k, k];
        var ok = rows.Count == k;
        if (!ok)
        {
            f.Report(f.Node("values", false), f.PathOf("values"), $"{rows.Count} rows for {k} inputs; allowed: a {k}×{k} matrix, one row per input in the order of inputs");
        }
        for (var i = 0; i < Math.Min(k, rows.Count); i++)
        {
            var (rowNode, rowPath) = rows[i];
            if (rowNode is not YamlSequenceNode row || row.Children.Count != k)
            {
                f.Report(rowNode, rowPath, $"expected a row of {k} rank correlations; allowed: a list of {k} numbers from -1 to 1");
                ok = false;
                continue;
            }
            for (var j = 0; j < k; j++)
            {
                var x = f.NumberAt(row.Children[j], $"{rowPath}[{j}]", -1, 1, RhoAllowed, fixedOnly: true);
                ok &= x is not null;
                values[i, j] = x ?? 0;
            }
        }
        if (!ok)
        {
            return null;
        }
        try
        {
            return RankCorrelationMatrix.FromMatrix(names, values);
        }
        catch (ArgumentException e)
        {
            foreach (var line in e.Message.Split(Environment.NewLine))
            {
                f.Report(f.Node("values", false), f.PathOf("values"), $"{line}; allowed: a symmetric matrix with 1 on the diagonal and rank correlations from -1 to 1 elsewhere");
            }
            return null;
        }
    }

    /// <summary>The uncertain inputs named in list <paramref name="key"/>, or null with a problem for each name that is not one.</summary>
    private static List<string>? Names(YamlFields f, string key, List<string> paths, YamlNode root)
    {
        var items = f.List(key);
        var names = new List<string>();
        var ok = items.Count > 0;
        foreach (var (node, path) in items)
        {
            var name = (node as YamlScalarNode)?.Value ?? "";
            if (paths.Contains(name))
            {
                names.Add(name);
                continue;
            }
            ok = false;
            var known = paths.Count == 0 ? "none: the scenario has no uncertain inputs" : string.Join(", ", paths);
            if (IsFixedNumber(name, root))
            {
                f.Report(node, path, $"'{name}' is a fixed number, not an uncertain input; allowed: the path of a number given as a distribution ({known})");
                continue;
            }
            f.Report(node, path, $"unknown uncertain input '{name}'{DidYouMean.Allowed(name, paths, known)}");
        }
        return ok ? names : null;
    }

    private static bool IsFixedNumber(string name, YamlNode root)
    {
        try
        {
            return name.Length > 0 && new ScenarioPath(name).Find(root).Any(ScenarioPath.IsNumber);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string N(double x) => x.ToString("G3", CultureInfo.InvariantCulture);
}
