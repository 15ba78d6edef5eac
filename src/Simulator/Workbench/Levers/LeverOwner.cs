namespace MarketSim.Simulator.Workbench.Levers;

/// <summary>
/// A unit a variant writes whole: an entry of a list merged by id (<c>providers</c> and <c>slp_a</c>),
/// or a top-level section (<c>economy</c>, id null), which a variant replaces as a whole.
/// </summary>
/// <param name="Section">The top-level field.</param>
/// <param name="Id">The entry's id, or null for a whole section.</param>
internal readonly record struct LeverOwner(string Section, string? Id);
