using System.Globalization;
using System.Text.Json;
using MarketSim.Grains.Experiments;
using StackExchange.Redis;

namespace MarketSim.Silo.Hosting;

/// <summary>A cluster's silos, from Orleans membership, and its experiments, from the experiment registry.</summary>
public static class ClusterStatus
{
    /// <summary>The phase shown for an experiment that did not answer (its silo may have just died; ask again in a few seconds).</summary>
    public const string NoAnswer = "no answer";

    /// <summary>
    /// The Redis hash that holds Orleans' membership table (<c>{ServiceId}/members/{ClusterId}</c>, as the Redis clustering
    /// provider names it): one JSON field per silo, keyed by its address (<c>S127.0.0.1:PORT:GENERATION</c>), and <c>Version</c>.
    /// </summary>
    public const string MembershipKey = $"{SiloSetup.ServiceId}/members/{SiloSetup.ServiceId}";

    /// <summary>What the Status column says of a silo the table records as not dead, when no silo answered.</summary>
    public const string NotAnswering = "not answering";

    /// <summary>One silo as membership records it.</summary>
    /// <param name="Address">Its silo address.</param>
    /// <param name="Name">Its name (host and process).</param>
    /// <param name="Status">Active, Joining, ShuttingDown, Dead, …</param>
    /// <param name="StartedUtc">When it started.</param>
    /// <param name="LastAliveUtc">When it last said it was alive.</param>
    public sealed record SiloRow(string Address, string Name, string Status, DateTime StartedUtc, DateTime LastAliveUtc);

    /// <summary>Reads the silos and experiments; <paramref name="cancellation"/> stops waiting for the answers.</summary>
    public static async Task<(IReadOnlyList<SiloRow> Silos, IReadOnlyList<ExperimentProgress> Experiments)> Read(IGrainFactory grains, CancellationToken cancellation = default)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false, cancellation);
        var silos = hosts
            .Select(h => new SiloRow(h.SiloAddress.ToString(), h.SiloName, h.Status.ToString(), h.StartTime, h.IAmAliveTime))
            .OrderBy(s => s.StartedUtc)
            .ToList();
        var ids = await grains.GetGrain<IExperimentRegistryGrain>(IExperimentRegistryGrain.Key).List().WaitAsync(cancellation);
        var experiments = new List<ExperimentProgress>();
        foreach (var id in ids)
        {
            try
            {
                experiments.Add(await grains.GetGrain<IExperimentGrain>(id).Progress().WaitAsync(cancellation));
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException)
            {
                // Its silo died a moment ago: list it rather than fail the whole status.
                experiments.Add(new ExperimentProgress(id, "", 0, 0, 0, 0, 0, NoAnswer, default, "", new Dictionary<string, int>()));
            }
        }
        return (silos, experiments);
    }

    /// <summary>
    /// The silos Orleans' membership table in the Redis at <paramref name="redis"/> records, read from Redis itself, for when no
    /// silo answers: a silo that is not <c>Dead</c> there has its status followed by <see cref="NotAnswering"/>. A row that cannot be
    /// read is listed with its address and the status <c>unreadable</c>. Ordered by start time, as <see cref="Read"/> orders them.
    /// </summary>
    /// <exception cref="RedisException">Redis did not answer.</exception>
    public static async Task<IReadOnlyList<SiloRow>> ReadMembershipTable(ClusterAddress redis, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(redis);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ToConfigurationOptions()).WaitAsync(cancellation).ConfigureAwait(false);
        var fields = await connection.GetDatabase().HashGetAllAsync(MembershipKey).WaitAsync(cancellation).ConfigureAwait(false);
        return [.. fields
            .Where(f => f.Name != "Version")
            .Select(f => Row(f.Name.ToString(), f.Value.ToString()))
            .OrderBy(s => s.StartedUtc)
            .ThenBy(s => s.Address, StringComparer.Ordinal)];
    }

    /// <summary>One row of the table, written by the Redis clustering provider as JSON (<c>Status</c> a number, times in ISO 8601).</summary>
    private static SiloRow Row(string address, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var entry = document.RootElement;
            var status = (SiloStatus)entry.GetProperty("Status").GetInt32();
            return new SiloRow(
                address,
                entry.TryGetProperty("SiloName", out var name) ? name.GetString() ?? "" : "",
                status == SiloStatus.Dead ? status.ToString() : $"{status}, {NotAnswering}",
                Time(entry, "StartTime"),
                Time(entry, "IAmAliveTime"));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new SiloRow(address, "", "unreadable", default, default);
        }
    }

    private static DateTime Time(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : default;
}
