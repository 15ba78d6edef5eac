using System.Net;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench;

namespace MarketSim.Tests.Support;

/// <summary>
/// A workbench (`marketsim serve`) in this process on a free loopback port, with an embedded silo on two threads,
/// the repository's bundled scenarios and an experiments folder of its own in a temporary folder, removed afterwards.
/// </summary>
public sealed class Workbench : IAsyncLifetime
{
    private WorkbenchServer? _server;

    /// <summary>The temporary folder holding the experiments folder.</summary>
    public string Folder { get; } = Repo.TempDir();

    /// <summary>The experiments folder.</summary>
    public string Experiments => Path.Combine(Folder, "marketsim-experiments");

    /// <summary>The server, once started.</summary>
    public WorkbenchServer Server => _server ?? throw new InvalidOperationException("The workbench has not started.");

    /// <summary>Its address, like http://127.0.0.1:PORT/.</summary>
    public Uri Address => Server.Address;

    /// <summary>A client of it that follows no redirects and keeps cookies (the antiforgery cookie).</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await WorkbenchServer.Start(new WorkbenchOptions(0, IPAddress.Loopback, Experiments, Path.Combine(Repo.Root, "scenarios"), Threads: 2), ScenarioCompiler.Instance);
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Address };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>GETs <paramref name="path"/> and returns the antiforgery token its form carries, with the page.</summary>
    public async Task<(string Token, string Page)> Form(string path)
    {
        var page = await Client.GetStringAsync(path);
        var marker = "name=\"__RequestVerificationToken\" value=\"";
        var start = page.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{path} has no form with an antiforgery token");
        start += marker.Length;
        return (WebUtility.HtmlDecode(page[start..page.IndexOf('"', start)]), page);
    }

    /// <summary>POSTs a form to <paramref name="path"/> with the antiforgery token of the page at <paramref name="formPage"/>.</summary>
    public async Task<HttpResponseMessage> Post(string formPage, string path, params (string Name, string Value)[] fields)
    {
        var (token, _) = await Form(formPage);
        var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await Client.PostAsync(path, content);
    }
}
