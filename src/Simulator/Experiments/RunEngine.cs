using MarketSim.Grains.Experiments;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Uncertainty.Sensitivity;
using MarketSim.Silo.Hosting;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Experiments;

/// <summary>
/// Where a command's runs are computed: an embedded silo in this process (the default), or an Orleans
/// cluster reached as a client. Either way an experiment grain hands back the runs in run order, so
/// the results are the same.
/// </summary>
public sealed class RunEngine : IDisposable
{
    private readonly IDisposable _host;
    private readonly ClusterAddress? _redis;

    private RunEngine(IDisposable host, IGrainFactory grains, string description, ClusterAddress? redis)
    {
        _host = host;
        Grains = grains;
        Description = description;
        _redis = redis;
    }

    /// <summary>Where grains are reached.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>Whether the runs are computed on a cluster, whose experiment grain outlives this process (and its status is read by others).</summary>
    public bool IsCluster => _redis is not null;

    /// <summary>"embedded silo" or the cluster's address, for messages.</summary>
    public string Description { get; }

    /// <summary>Starts an embedded silo with <paramref name="threads"/> run workers (0: one per core).</summary>
    public static RunEngine Embedded(int threads, CancellationToken cancellation = default)
    {
        var silo = EmbeddedSilo.Start(ScenarioCompiler.Instance, threads, cancellation).GetAwaiter().GetResult();
        return new RunEngine(silo, silo.Grains, "embedded silo", redis: null);
    }

    /// <summary>
    /// Connects to the cluster at <paramref name="address"/> (redis://HOST:PORT) as an Orleans client; throws
    /// <see cref="ClusterAddressException"/> for a malformed address and <see cref="ClusterUnavailableException"/>
    /// when Redis or every silo is unreachable.
    /// </summary>
    public static RunEngine Cluster(string address, CancellationToken cancellation = default)
    {
        var redis = ClusterAddress.FromCommandLine(address);
        var connection = ClusterConnection.Open(redis, cancellation);
        return new RunEngine(connection, connection.Client, $"cluster at {redis}", redis);
    }

    /// <summary>An engine over a silo this process hosts for longer than one experiment (the workbench's); disposing it leaves the silo running.</summary>
    public static RunEngine Hosted(IGrainFactory grains, string description) =>
        new(NotOwned.Instance, grains, description, redis: null);

    /// <summary>The same silo or cluster for one experiment, without ownership: disposing the borrowed engine leaves this one running.</summary>
    public RunEngine Borrow() => new(NotOwned.Instance, Grains, Description, _redis);

    /// <summary>
    /// Runs <paramref name="scenarioYaml"/> as experiment <paramref name="id"/> and returns how many runs
    /// reached the sink; see <see cref="ExperimentClient.Run"/>. On a cluster, the message of an
    /// <see cref="ExperimentFailedException"/> starts with <c>--cluster:</c>.
    /// </summary>
    /// <remarks>
    /// With <paramref name="entities"/>, the entity grains receive the runs too; see <see cref="EntitySummaries"/>.
    /// With <paramref name="design"/>, the uncertain inputs come from that Sobol design's rows.
    /// </remarks>
    public long Run(string id, string scenarioYaml, RunPlan plan, IOutcomeSink sink, Action<long>? onRunsDone = null, IStopRule? stopRule = null, bool entities = false, SobolDesignSpec? design = null, CancellationToken cancellation = default)
    {
        var spec = new ExperimentSpec(scenarioYaml, plan.Seed, plan.Runs, plan.BatchSize, entities, design);
        try
        {
            return ExperimentClient.Run(Grains, id, spec, sink, onRunsDone, stopRule, _redis is null ? null : WhyStalled, cancellation).GetAwaiter().GetResult();
        }
        catch (ExperimentFailedException ex) when (_redis is not null)
        {
            throw new ExperimentFailedException($"{ClusterAddress.Option}: {ex.Message}", ex.InnerException);
        }
    }

    /// <summary>Why a cluster delivers no runs, when the cause is Redis: the silos can neither hand out nor save batches without it.</summary>
    private async Task<string?> WhyStalled() =>
        await ClusterAddress.CanReach(_redis!, TimeSpan.FromSeconds(3)).ConfigureAwait(false)
            ? null
            : $"the Redis server at {_redis!.Endpoint} does not answer, and the silos cannot hand out or save batches without it; restart Redis (and the silos too if it lost its data), then run again";

    /// <summary>Every entity's outcomes over the runs of experiment <paramref name="id"/>, from its entity grains.</summary>
    public IReadOnlyList<EntitySummary> EntitySummaries(string id) =>
        Grains.GetGrain<IExperimentGrain>(id).EntitySummaries().GetAwaiter().GetResult();

    /// <summary>A new experiment id: the time and a random suffix, readable in `marketsim cluster status`.</summary>
    public static string NewExperimentId(string scenarioName) =>
        $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Slug(scenarioName)}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// <paramref name="name"/> in lower-case ASCII letters and digits, words joined by one hyphen, at most <paramref name="maxLength"/>
    /// characters ("doncaster-ccash-lead-pro"; <paramref name="otherwise"/> when it has none).
    /// </summary>
    internal static string Slug(string name, int maxLength = 24, string otherwise = "experiment")
    {
        var words = string.Join('-', System.Text.RegularExpressions.Regex.Split(name.ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 0));
        var slug = words[..Math.Min(maxLength, words.Length)].TrimEnd('-');
        return slug.Length > 0 ? slug : otherwise;
    }

    /// <summary>Marks experiment <paramref name="id"/> cancelled, as its client writes nothing after all (see <see cref="IExperimentGrain.Discard"/>).</summary>
    public void Discard(string id) => ExperimentClient.Discard(Grains, id).GetAwaiter().GetResult();

    /// <inheritdoc />
    public void Dispose() => _host.Dispose();

    private sealed class NotOwned : IDisposable
    {
        public static readonly NotOwned Instance = new();

        public void Dispose()
        {
        }
    }
}
