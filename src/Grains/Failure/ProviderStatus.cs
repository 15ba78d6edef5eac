namespace MarketSim.Grains.Failure;

/// <summary>Where a provider is in its life in the market.</summary>
public enum ProviderStatus
{
    /// <summary>Not in the market yet (a dynamic-purchasing entrant before it joins).</summary>
    Dormant,

    /// <summary>Delivering and, unless embargoed, taking new packages.</summary>
    Open,

    /// <summary>Failed or handed back: delivering through its notice period, taking nothing new.</summary>
    Exiting,

    /// <summary>Left the market; its packages have returned to the zones.</summary>
    Gone,
}

/// <summary>Why a provider left; its value is the <c>exit_cause</c> code of the outcomes.</summary>
[GenerateSerializer]
public enum ExitReason
{
    /// <summary>It has not left.</summary>
    None,

    /// <summary>The exogenous failure hazard struck (a cause outside the model: owners retire, a group fails, a regulator closes it).</summary>
    Hazard,

    /// <summary>It handed back its contracts after its weekly result had been negative (income below costs) for the weeks its scenario allows.</summary>
    HandBack,

    /// <summary>A scenario shock forced it out.</summary>
    ForcedExit,

    /// <summary>Its reserves fell below zero: the model's own failure, from weeks when its income did not cover its costs.</summary>
    ReservesExhausted,
}
