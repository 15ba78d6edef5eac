using System.Globalization;
using MarketSim.Simulator.Experiments;
using MarketSim.Tests.Support;
using Microsoft.VisualBasic.FileIO;

namespace MarketSim.Tests.Exports;

/// <summary>
/// One small run of the Dorset pool (risk-share agreements, commissioners, providers, zones with
/// commas in their names), shared by the export tests: 200 runs, seed 7.
/// </summary>
public sealed class ExportedRun : IDisposable
{
    public ExportedRun()
    {
        Folder = Path.Combine(Repo.TempDir(), "dorset");
        Result = Experiment.Run(new ExperimentOptions(Repo.Scenario("dorset-pool-2017.yaml"), 200, 7, Folder, Threads: 2));
    }

    public string Folder { get; }

    public ExperimentResult Result { get; }

    public string File(string name) => Path.Combine(Folder, name);

    /// <summary>A CSV file of the results, parsed by the framework's own RFC 4180 reader (not MarketSim's).</summary>
    public List<string[]> Csv(string name)
    {
        using var parser = new TextFieldParser(File(name)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }
        return rows;
    }

    /// <summary>The number a CSV field holds, NaN for an empty field (a missing value).</summary>
    public static double Number(string field) => field.Length == 0 ? double.NaN : double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);

    public void Dispose() => Result.Dispose();
}
