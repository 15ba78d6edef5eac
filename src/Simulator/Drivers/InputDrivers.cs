using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Uncertainty;
using MarketSim.Grains.Uncertainty.Sensitivity;

namespace MarketSim.Simulator.Drivers;

/// <summary>
/// Global sensitivity from the one simulation, as @RISK reports it: for each headline outcome that varies,
/// every uncertain input's Spearman rank correlation and standardised rank-regression coefficient with
/// their intervals, and its contribution to variance (see <see cref="RankSensitivity"/>).
/// </summary>
public static class InputDrivers
{
    /// <summary>Resamples for the bootstrap intervals of SRRC and R²; fixed, so the same runs give the same intervals.</summary>
    public const int BootstrapResamples = 500;

    /// <summary>
    /// The drivers of every headline outcome kept by <paramref name="sink"/> that is not the same in every run;
    /// empty without uncertain inputs or with too few runs (fewer than inputs + 2).
    /// </summary>
    public static IReadOnlyList<OutcomeDrivers> Compute(OutcomeSchema schema, IReadOnlyList<UncertainInput> inputs, DriverSampleSink sink)
    {
        if (inputs.Count == 0 || sink.Runs < inputs.Count + 2)
        {
            return [];
        }
        var names = inputs.Select(i => i.Path).ToArray();
        var samples = sink.InputValues();
        var options = new RankSensitivityOptions { BootstrapResamples = BootstrapResamples };
        var drivers = new List<OutcomeDrivers>();
        for (var i = 0; i < sink.Outcomes.Count; i++)
        {
            var outcome = sink.OutcomeValues(i);
            var finite = outcome.Where(x => !double.IsNaN(x)).ToArray();
            if (finite.Length < inputs.Count + 2 || finite.All(x => x == finite[0]))
            {
                continue;
            }
            try
            {
                drivers.Add(new OutcomeDrivers(schema.Columns[sink.Outcomes[i]], RankSensitivity.Analyse(names, samples, outcome, options), inputs));
            }
            catch (ArgumentException)
            {
                // Inputs whose ranks are collinear (an input fixed by rounding, say) leave this outcome unexplained: it is left out.
            }
        }
        return drivers;
    }
}
