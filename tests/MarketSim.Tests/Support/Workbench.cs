using System.Globalization;
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
    public Task<(string Token, string Page)> Form(string path) => Form(Client, path);

    /// <summary>The same, for any workbench's <paramref name="client"/> (one that keeps cookies).</summary>
    public static async Task<(string Token, string Page)> Form(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var marker = "name=\"__RequestVerificationToken\" value=\"";
        var start = page.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{path} has no form with an antiforgery token");
        start += marker.Length;
        return (WebUtility.HtmlDecode(page[start..page.IndexOf('"', start)]), page);
    }

    /// <summary>POSTs a form to <paramref name="path"/> with the antiforgery token of the page at <paramref name="formPage"/>.</summary>
    public Task<HttpResponseMessage> Post(string formPage, string path, params (string Name, string Value)[] fields) => Post(Client, formPage, path, fields);

    /// <summary>The same, for any workbench's <paramref name="client"/>.</summary>
    public static async Task<HttpResponseMessage> Post(HttpClient client, string formPage, string path, params (string Name, string Value)[] fields)
    {
        var (token, _) = await Form(client, formPage);
        var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await client.PostAsync(path, content);
    }

    /// <summary>
    /// Starts <paramref name="runs"/> runs of <paramref name="scenario"/> (a name the run page lists, such as
    /// bundled/doncaster-ccash.yaml) from the run page, checks that it redirects to the experiment's progress page,
    /// and returns the experiment's id.
    /// </summary>
    public Task<string> StartRun(string scenario, int runs, int seed, string metric = "", string halfwidth = "") =>
        StartRun(Client, scenario, runs, seed, metric, halfwidth);

    /// <summary>The same, for any workbench's <paramref name="client"/>.</summary>
    public static async Task<string> StartRun(HttpClient client, string scenario, int runs, int seed, string metric = "", string halfwidth = "")
    {
        using var started = await Post(client, "/run", "/run", ("scenario", scenario), ("runs", runs.ToString(CultureInfo.InvariantCulture)),
            ("seed", seed.ToString(CultureInfo.InvariantCulture)), ("metric", metric), ("halfwidth", halfwidth));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var progress = started.Headers.Location!.OriginalString;
        Assert.Matches("^/experiments/[^/]+/progress$", progress);
        return progress.Split('/')[2];
    }
}
