using System.Globalization;
using MarketSim.Silo.Hosting;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Orleans;

/// <summary>`marketsim silo --dashboard PORT` serves the Orleans Dashboard on loopback.</summary>
public sealed class DashboardTests
{
    [Fact]
    public async Task A_silo_with_a_dashboard_serves_it_on_loopback()
    {
        using var redis = new PrivateRedis();
        var port = FreePorts.Next();
        using var silo = new SiloProcess(redis.Uri, extraArgs: ["--dashboard", port.ToString(CultureInfo.InvariantCulture)]);
        silo.WaitForLine($"dashboard: http://127.0.0.1:{port}/dashboard", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        var page = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/dashboard/"));

        Assert.True(page.IsSuccessStatusCode, $"GET /dashboard/ gave {(int)page.StatusCode}\n{silo.Log}");
        Assert.Contains("Orleans", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
