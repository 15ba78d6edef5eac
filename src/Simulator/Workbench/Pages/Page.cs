using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace MarketSim.Simulator.Workbench.Pages;

/// <summary>
/// The workbench's page frame (navigation, style) and the small HTML helpers every page uses. Every text from a
/// scenario, a file or a request goes through <see cref="E"/>: nothing a user wrote is rendered unescaped.
/// </summary>
internal static class Page
{
    private const string Style = """
        * { box-sizing: border-box; }
        body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #222; margin: 0; line-height: 1.45; }
        header { background: #17324d; color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: baseline; }
        header a { color: #fff; text-decoration: none; } header a.here { text-decoration: underline; } header .brand { font-weight: 600; margin-right: .6rem; }
        main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 1.8rem; border-bottom: 1px solid #ddd; padding-bottom: .3rem; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; } th, td { padding: .3rem .6rem; border-bottom: 1px solid #e6e6e6; text-align: right; vertical-align: top; }
        th:first-child, td:first-child { text-align: left; } th { background: #f4f6f8; }
        .muted { color: #666; font-size: .9rem; } .warning { background: #fff4e5; border-left: 4px solid #e08a00; padding: .5rem .8rem; }
        .error { color: #a30000; font-size: .9rem; } .ok { background: #eaf6ea; border-left: 4px solid #2e7d32; padding: .5rem .8rem; }
        form.stack label { display: block; margin-top: .7rem; font-weight: 600; } form.stack .hint { font-weight: normal; color: #666; font-size: .85rem; }
        input[type=text], input[type=number], select { font: inherit; padding: .35rem .45rem; width: 100%; max-width: 24rem; border: 1px solid #aaa; border-radius: 3px; }
        input.invalid { border-color: #a30000; background: #fff5f5; }
        button, .button { font: inherit; padding: .45rem 1rem; margin-top: 1rem; background: #17324d; color: #fff; border: 0; border-radius: 3px; cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary, .button.secondary { background: #e6e9ed; color: #17324d; }
        fieldset { border: 1px solid #ddd; margin: 1rem 0; padding: .5rem 1rem 1rem; } legend { font-weight: 600; }
        fieldset.levers { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0 1.5rem; } .lever .muted { font-size: .8rem; }
        .error, .muted { overflow-wrap: anywhere; } td:not(:first-child) { white-space: nowrap; } td:first-child { min-width: 9rem; }
        progress { width: 100%; max-width: 40rem; height: 1.4rem; }
        figure { margin: 1.2rem 0; } figcaption { font-size: .85rem; color: #555; } svg, img { max-width: 100%; height: auto; }
        ul.cards { list-style: none; padding: 0; } ul.cards li { border: 1px solid #e0e0e0; border-radius: 4px; padding: .6rem .8rem; margin: .5rem 0; }
        pre { background: #f7f7f7; padding: .6rem; overflow-x: auto; font-size: .8rem; }
        nav.sections { display: flex; flex-wrap: wrap; gap: .3rem .9rem; margin: .5rem 0 1rem; }
        """;

    private static readonly (string Href, string Label)[] Menu =
        [("/", "Home"), ("/scenarios", "Scenarios"), ("/run", "Run"), ("/experiments", "Results"), ("/compare", "Compare"), ("/dashboard/", "Dashboard")];

    /// <summary>The HTML-escaped form of <paramref name="text"/>.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A URL path segment or query value, escaped.</summary>
    public static string U(string text) => Uri.EscapeDataString(text);

    /// <summary>A whole page: the frame around <paramref name="body"/> (which must already be escaped HTML).</summary>
    public static IResult Html(string title, string body, string here = "", int status = StatusCodes.Status200OK, string? script = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" — MarketSim workbench</title><style>").Append(Style).Append("</style></head><body>\n<header><span class=\"brand\">MarketSim workbench</span>");
        foreach (var (href, label) in Menu)
        {
            html.Append("<a href=\"").Append(href).Append('"').Append(href == here ? " class=\"here\"" : "").Append('>').Append(label).Append("</a>");
        }
        html.Append("</header>\n<main>\n").Append(body).Append("\n</main>\n");
        if (script is not null)
        {
            html.Append("<script src=\"").Append(script).Append("\"></script>\n");
        }
        html.Append("</body></html>\n");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A page saying what was not found, with a 404.</summary>
    public static IResult NotFound(string what) =>
        Html("Not found", $"<h1>Not found</h1><p>{E(what)}</p><p><a href=\"/\">Back to the start</a></p>", status: StatusCodes.Status404NotFound);

    /// <summary>The hidden antiforgery field a form posts back.</summary>
    public static string Antiforgery(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery
            ?? throw new InvalidOperationException("Antiforgery is not registered.");
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>Reads a posted form after checking its antiforgery token; null (and a 400 to return) when the token is missing or wrong.</summary>
    public static async Task<IFormCollection?> ReadForm(HttpContext context)
    {
        var antiforgery = (IAntiforgery)context.RequestServices.GetService(typeof(IAntiforgery))!;
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return null;
        }
        return await context.Request.ReadFormAsync();
    }

    /// <summary>The answer to a form whose antiforgery token failed.</summary>
    public static IResult BadForm() =>
        Html("Form expired", "<h1>This form has expired</h1><p>Reload the page and send it again.</p>", status: StatusCodes.Status400BadRequest);
}
