using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MarketSim.Simulator.Workbench;

/// <summary>
/// Keeps the workbench's data-protection keys (which sign its antiforgery tokens) in memory for the life of
/// the process, so that it writes nothing outside the experiments folder.
/// </summary>
internal sealed class InMemoryKeyRepository : IXmlRepository
{
    private readonly List<XElement> _keys = [];

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_keys)
        {
            return [.. _keys.Select(k => new XElement(k))];
        }
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_keys)
        {
            _keys.Add(new XElement(element));
        }
    }
}
