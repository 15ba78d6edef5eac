namespace MarketSim.Grains.Scenario;

/// <summary>Who pays for a service user's package.</summary>
[GenerateSerializer]
public enum FundingStream
{
    /// <summary>Council-arranged care (adult social care).</summary>
    Council = 0,

    /// <summary>NHS Continuing Healthcare, paid by the NHS commissioner (CCG/ICB).</summary>
    NhsChc = 1,

    /// <summary>A direct payment: council money, care bought by the person from the same providers.</summary>
    DirectPayment = 2,

    /// <summary>The person pays privately; no commissioner pays.</summary>
    SelfFunder = 3,
}

/// <summary>Names and counts of <see cref="FundingStream"/> as written in scenario files and outputs.</summary>
public static class FundingStreams
{
    /// <summary>How many funding streams there are.</summary>
    public const int Count = 4;

    /// <summary>The scenario-file name of each stream, indexed by <see cref="FundingStream"/>.</summary>
    public static readonly string[] Names = ["council", "nhs_chc", "direct_payment", "self_funder"];
}
