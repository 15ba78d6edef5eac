namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// A scenario file as it was read when it was loaded: what a results folder records (scenario.yaml, the
/// SHA-256 in manifest.json and report.html), taken from the bytes read then, not from the file again at the
/// end, so that moving or editing the file during the runs changes neither the results nor their record.
/// </summary>
/// <param name="Path">The scenario file as the user named it.</param>
/// <param name="Sha256">The SHA-256 of the file's bytes as read, in lower-case hex.</param>
/// <param name="EffectiveYaml">The scenario exactly as it was run: the file's own text or, for a file with a base, the merged scenario as YAML.</param>
public sealed record ScenarioSource(string Path, string Sha256, string EffectiveYaml);
