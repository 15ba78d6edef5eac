using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using MarketSim.Silo.Hosting;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Writes manifest.json, the last file of every results folder: that MarketSim wrote the folder and
/// which files are its own (what --overwrite checks before replacing it), what was run (scenario file
/// and its SHA-256, seed, runs, engine version) and how (threads, batch size, timings, machine), so a
/// result can be reproduced and audited.
/// </summary>
public static class Manifest
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The engine's name, as the manifest states it.</summary>
    public const string Engine = "marketsim";

    /// <summary>The field that says MarketSim wrote the folder.</summary>
    public const string WrittenByField = "written_by";

    /// <summary>The engine version stamped on every result.</summary>
    public static string EngineVersion =>
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Writes an experiment's manifest into <paramref name="folder"/>, after every other file; <paramref name="source"/> is the scenario file as it was loaded.
    /// A cluster run also records <paramref name="experimentId"/> and the cluster's address (without a password), as `marketsim cluster status` and `forget` name them.
    /// </summary>
    public static void Write(ResultsFolder folder, ExperimentOptions options, ScenarioSource source, RunPlan plan, string experimentId, long runs, string stopReason, DateTimeOffset startedAt, TimeSpan elapsed) =>
        Write(folder, json =>
        {
            json.WriteString("scenario_file", Path.GetFullPath(source.Path));
            json.WriteString("scenario_sha256", source.Sha256);
            json.WriteNumber("seed", options.Seed);
            json.WriteNumber("runs", runs);
            json.WriteNumber("runs_requested", options.Runs);
            json.WriteString("stop_reason", stopReason);
            if (options.Precision is { } precision)
            {
                json.WriteString("target_metric", precision.Metric);
                json.WriteNumber("target_half_width", precision.HalfWidth);
                json.WriteNumber("max_runs", options.Runs);
            }
            json.WriteString("silo", options.Cluster is null ? "embedded" : "cluster");
            if (options.Cluster is null)
            {
                json.WriteNumber("threads", plan.EffectiveThreads);
            }
            else
            {
                // This machine's cores ran none of the runs, and the silos' threads can change as silos come and go.
                json.WriteNull("threads");
                json.WriteString("threads_note", "the runs ran on the cluster's silos, each on the run threads of its own --threads");
                json.WriteString("cluster", ClusterAddress.Parse(options.Cluster).ToString());
                json.WriteString("experiment_id", experimentId);
            }
            json.WriteNumber("batch_size", plan.BatchSize);
            json.WriteString("started_utc", startedAt.ToString("O"));
            json.WriteNumber("elapsed_seconds", Math.Round(elapsed.TotalSeconds, 3));
            json.WriteNumber("runs_per_second", Math.Round(runs / Math.Max(elapsed.TotalSeconds, 1e-9), 1));
            json.WriteString("dotnet", Environment.Version.ToString());
            json.WriteNumber("processor_count", Environment.ProcessorCount);
            json.WriteString("reproduce", Provenance.RunCommand(runs, options.Seed, options.ChartScale));
        });

    /// <summary>
    /// Writes a manifest into <paramref name="folder"/> with the engine, the statement that MarketSim
    /// wrote the folder, the command's own <paramref name="fields"/>, and every file the folder holds.
    /// </summary>
    public static void Write(ResultsFolder folder, Action<Utf8JsonWriter> fields)
    {
        var files = OwnedFiles.List(folder.Staging).Where(f => f != StagingMarker.FileName).Append(FileName).Distinct().Order(StringComparer.Ordinal).ToList();
        using var stream = File.Create(folder.File(FileName));
        // Read by people and by JSON parsers, never pasted into HTML: "<=" and "£" stay as they are, not \u003C= and \u00A3.
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("engine", Engine);
        json.WriteString("engine_version", EngineVersion);
        json.WriteString(WrittenByField, Engine);
        json.WriteString("written_by_note", "MarketSim wrote this folder; --overwrite replaces it only while it holds just the files listed here");
        fields(json);
        json.WriteStartArray("files");
        foreach (var f in files)
        {
            json.WriteStringValue(f);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
