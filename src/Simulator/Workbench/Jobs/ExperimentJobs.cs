using System.Collections.Concurrent;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;
using MarketSim.Simulator.Workbench.Library;
using Microsoft.Extensions.Logging;

namespace MarketSim.Simulator.Workbench.Jobs;

/// <summary>
/// The experiments the workbench has started in this process. Each runs on a thread of its own on the shared
/// silo (or cluster) through the same <see cref="Experiment"/> code as `marketsim run`, so a workbench experiment's
/// results folder equals the command line's for the same scenario, seed and runs.
/// </summary>
/// <param name="folder">Where the results folders go.</param>
/// <param name="engine">The silo or cluster connection the experiments borrow.</param>
/// <param name="cluster">The cluster's address when <paramref name="engine"/> is a cluster's client, for the manifests.</param>
/// <param name="threads">The embedded silo's run threads (`serve --threads`; 0 for one per core), for the manifests and batch sizes.</param>
/// <param name="log">Where an experiment's failure to read or write a file is logged whole, with the path its page leaves out; null for nowhere.</param>
public sealed class ExperimentJobs(ExperimentsFolder folder, RunEngine engine, string? cluster = null, int threads = 0, ILogger? log = null)
{
    private readonly ConcurrentDictionary<string, ExperimentJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExperimentJob> _bySubmission = new(StringComparer.Ordinal);

    /// <summary>The jobs still running, oldest first.</summary>
    public IReadOnlyList<ExperimentJob> Running => [.. _jobs.Values.Where(j => j.State == JobState.Running).OrderBy(j => j.Id, StringComparer.Ordinal)];

    /// <summary>The job <paramref name="id"/>, or null.</summary>
    public ExperimentJob? Find(string? id) => id is not null && _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>
    /// Starts <paramref name="runs"/> runs of <paramref name="scenario"/> with <paramref name="seed"/>, or until <paramref name="precision"/>
    /// is reached, once for each <paramref name="submission"/> (the id the run page writes into its form; empty for none): a form
    /// sent twice, by a double click on Start or a reload that sends it again, gets the job its first sending started.
    /// </summary>
    public ExperimentJob Start(ScenarioFile scenario, long runs, ulong seed, TargetPrecision? precision, string submission)
    {
        if (submission.Length == 0)
        {
            return StartNew(scenario, runs, seed, precision);
        }
        lock (_bySubmission)
        {
            if (!_bySubmission.TryGetValue(submission, out var job))
            {
                job = StartNew(scenario, runs, seed, precision);
                _bySubmission[submission] = job;
            }
            return job;
        }
    }

    private ExperimentJob StartNew(ScenarioFile scenario, long runs, ulong seed, TargetPrecision? precision)
    {
        var id = RunEngine.NewExperimentId(scenario.Name);
        var job = new ExperimentJob(id, scenario, runs, seed);
        _jobs[id] = job;
        var options = new ExperimentOptions(scenario.Path, runs, seed, folder.PathFor(id), Threads: cluster is null ? threads : 0, Precision: precision, Cluster: cluster, ExperimentId: id);
        new Thread(() => Run(job, options)) { IsBackground = true, Name = $"workbench-{id}" }.Start();
        return job;
    }

    /// <summary>Cancels every running job and waits up to <paramref name="patience"/> for them to end (their staging folders removed).</summary>
    public void CancelAll(TimeSpan patience)
    {
        var running = Running;
        foreach (var job in running)
        {
            job.Cancel();
        }
        Task.WaitAll([.. running.Select(j => j.Ended)], patience);
    }

    private void Run(ExperimentJob job, ExperimentOptions options)
    {
        try
        {
            using var prepared = Experiment.Prepare(options, new PhaseTimings(), engine, job.Cancellation);
            var schema = prepared.Schema;
            var column = options.Precision is { } target
                ? OutcomeLookup.ColumnOrThrow(schema, target.Metric, options.ScenarioPath, "target precision")
                : Grains.Outcomes.OutcomeSchema.UnmetHours;
            var labels = new OutcomeLabels(prepared.Loaded.Median);
            var outcome = schema.Columns[column];
            var label = labels.BeforeFigures(outcome);
            job.Estimate = new RunningEstimate(column, label, outcome.Unit, SummarySentences.Horizon(prepared.Loaded.Median));
            prepared.Observer = job.Estimate;
            job.RunsStarted();
            using var result = prepared.Run(job.Progress, job.Stopping, job.Cancellation);
            job.End(JobState.Done, result.StopReason, result.Interrupted);
        }
        catch (OperationCanceledException)
        {
            job.End(JobState.Cancelled, job.Stopping.IsCancellationRequested && !job.Cancellation.IsCancellationRequested
                ? "Stopped before the first runs were back: no results were written."
                : "Cancelled: no results were written.");
        }
        catch (ScenarioException ex)
        {
            job.End(JobState.Failed, string.Join("\n", ex.Problems.Select(p => p.ToString())));
        }
        catch (Exception ex)
        {
            // Whatever went wrong is shown on the Run page; the workbench itself carries on.
            job.End(JobState.Failed, JobFailure.Describe(ex, options.OutDir, log));
        }
    }
}
