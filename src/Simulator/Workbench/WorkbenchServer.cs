using System.Net.Sockets;
using MarketSim.Grains.Experiments;
using MarketSim.Silo.Hosting;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Workbench.Jobs;
using MarketSim.Simulator.Workbench.Library;
using MarketSim.Simulator.Workbench.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;

namespace MarketSim.Simulator.Workbench;

/// <summary>
/// `marketsim serve`: the browser workbench, ASP.NET Core co-hosted with MarketSim's embedded Orleans silo (or an
/// Orleans client of a cluster), listening on loopback unless told otherwise, with the Orleans Dashboard at /dashboard.
/// </summary>
public sealed class WorkbenchServer : IAsyncDisposable
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private readonly WebApplication _app;
    private readonly RunEngine? _cluster;

    private WorkbenchServer(WebApplication app, RunEngine? cluster, ExperimentsFolder experiments)
    {
        _app = app;
        _cluster = cluster;
        Experiments = experiments;
    }

    /// <summary>Where the workbench keeps its experiments and the user's scenarios.</summary>
    public ExperimentsFolder Experiments { get; }

    /// <summary>The host's services (for the tests).</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>The address the workbench answers at, like http://127.0.0.1:5000/.</summary>
    public Uri Address => new(_app.Urls.First().TrimEnd('/') + "/");

    /// <summary>
    /// Builds and starts the workbench; with a cluster, connects to it first (and throws as `marketsim run --cluster` does when it cannot).
    /// When <paramref name="cancellation"/> fires meanwhile, the start is finished, the workbench stopped and
    /// <see cref="OperationCanceledException"/> thrown: as <see cref="EmbeddedSilo.Start"/> does, the host's start is not
    /// cancelled, since Orleans ends a start cancelled in one of its stages with an exception of its own (exit 1, a stack trace).
    /// </summary>
    public static async Task<WorkbenchServer> Start(WorkbenchOptions options, IScenarioCompiler compiler, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var experiments = new ExperimentsFolder(options.ExperimentsFolder);
        RunEngine? cluster = null;
        // The host logs a failed start (a port in use) with its stack before the exception says the same in one line.
        var starting = true;
        try
        {
            cluster = options.Cluster is { } address ? RunEngine.Cluster(address, cancellation) : null;
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true)
                .AddFilter((category, level) => level >= LogLevel.Error && !(starting && category == HostCategory) && !IsOrleans(category));
            builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            // The command's signals stop the workbench: the host's own console lifetime would cancel a start under way on Ctrl+C.
            CommandLifetime.Use(builder);
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(options.Listen, options.Port);
                kestrel.Limits.MaxRequestBodySize = WorkbenchOptions.MaxRequestBytes;
            });
            if (cluster is null)
            {
                EmbeddedSilo.AddTo(builder, compiler, options.Threads, silo => silo.AddDashboard());
            }
            // The antiforgery tokens' keys live in memory, so the workbench writes nothing outside the experiments
            // folder (ASP.NET's default keeps them in ~/.aspnet); a form loaded before a restart is refused once.
            builder.Services.AddDataProtection();
            builder.Services.Configure<KeyManagementOptions>(keys => keys.XmlRepository = new InMemoryKeyRepository());
            builder.Services.AddAntiforgery();
            builder.Services.AddSingleton(experiments);
            builder.Services.AddSingleton(new ScenarioLibrary(options.ScenariosFolder, experiments));
            builder.Services.AddSingleton(services => new ExperimentJobs(experiments, cluster?.Borrow() ?? RunEngine.Hosted(services.GetRequiredService<IGrainFactory>(), "embedded silo"), options.Cluster, options.Threads,
                services.GetRequiredService<ILogger<ExperimentJobs>>()));
            builder.Services.AddSingleton(options);
            var app = builder.Build();
            // The exception handler logs the error whole; the page names a refused file or folder by the page that needed it, not by the server's path.
            app.UseExceptionHandler(failed => failed.Run(context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var message = error is not null && FileFailure.Is(error)
                    ? $"The page {context.Request.Path.Value} could not read or write a file or folder the workbench keeps ({FileFailure.Reason(error)}); the server's log has the full message."
                    : error?.Message;
                return Page.Html("Something went wrong", $"<h1>Something went wrong</h1><p>{Page.E(message)}</p><p>Nothing was changed. <a href=\"/\">Back to the start</a></p>", status: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
            }));
            app.UseStatusCodePages(StatusPage);
            app.Use(SecurityHeaders);
            HomePage.Map(app);
            ScenarioPages.Map(app);
            LeverPages.Map(app);
            RunPages.Map(app);
            ResultPages.Map(app);
            ComparePages.Map(app);
            if (cluster is null)
            {
                app.MapOrleansDashboard(routePrefix: "/dashboard");
            }
            else
            {
                app.MapGet("/dashboard", () => Page.Html("Dashboard", "<h1>Dashboard</h1><p>This workbench is a client of a cluster; each silo serves its own Orleans Dashboard: start one with <code>marketsim silo --cluster … --dashboard PORT</code> (docs/cluster.md).</p>", "/dashboard/"));
            }
            try
            {
                await app.StartAsync(CancellationToken.None);
            }
            catch (SocketException ex)
            {
                await app.DisposeAsync();
                throw new IOException(CannotListen(options, ex), ex);
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
            starting = false;
            if (cancellation.IsCancellationRequested)
            {
                using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
                {
                    await app.StopAsync(patience.Token);
                }
                await app.DisposeAsync();
                cancellation.ThrowIfCancellationRequested();
            }
            return new WorkbenchServer(app, cluster, experiments);
        }
        catch
        {
            cluster?.Dispose();
            experiments.RemoveCreated();
            throw;
        }
    }

    /// <summary>One line for a listening socket the system refused (Kestrel reports an address in use itself, as an <see cref="IOException"/>).</summary>
    private static string CannotListen(WorkbenchOptions options, SocketException ex)
    {
        var why = ex.SocketErrorCode switch
        {
            SocketError.AddressNotAvailable => "the address is not one of this machine's; allowed: 127.0.0.1 (the default), ::1, 0.0.0.0 or an address of this machine",
            SocketError.AccessDenied => $"permission denied{(options.Port is > 0 and < 1024 ? " (ports below 1024 need administrator rights)" : "")}; allowed: a port from 1024 to 65535, or 0 for any free port",
            _ => $"{ex.Message.TrimEnd('.')}; allowed: an address of this machine and a free port",
        };
        return $"--listen {options.Listen} --port {options.Port}: cannot listen there: {why}";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _app.Services.GetRequiredService<ExperimentJobs>().CancelAll(TimeSpan.FromSeconds(10));
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await _app.StopAsync(patience.Token);
        }
        await _app.DisposeAsync();
        _cluster?.Dispose();
    }

    // Orleans' own log lines (a silo's start, its membership) are not the workbench's messages, as they are not `run`'s.
    private static bool IsOrleans(string? category) => category is not null && category.StartsWith("Orleans", StringComparison.Ordinal);

    // An answer with no body of its own (an address no page answers, a form's address opened as a page) is a page saying so, with its status.
    private static Task StatusPage(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var (code, method, path) = (context.Response.StatusCode, context.Request.Method, context.Request.Path.Value ?? "/");
        const string Back = "<p><a href=\"/\">Back to the start</a></p>";
        var page = code switch
        {
            StatusCodes.Status404NotFound => Page.NotFound($"There is no page at {path}."),
            StatusCodes.Status405MethodNotAllowed when HttpMethods.IsGet(method) || HttpMethods.IsHead(method) =>
                Page.Html("Not a page", $"<h1>Not a page</h1><p>{Page.E(path)} is where a form on a workbench page is sent; it has no page of its own.</p>{Back}", status: code),
            _ => Page.Html(ReasonPhrases.GetReasonPhrase(code), $"<h1>{Page.E(ReasonPhrases.GetReasonPhrase(code))}</h1><p>{Page.E(path)} does not answer a {Page.E(method)} request ({code}).</p>{Back}", status: code),
        };
        return page.ExecuteAsync(context);
    }

    // The dashboard's pages run their own scripts; the workbench's pages run only /workbench/*.js and are never framed.
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (!context.Request.Path.StartsWithSegments("/dashboard", StringComparison.Ordinal))
        {
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
        }
        return next();
    }
}
