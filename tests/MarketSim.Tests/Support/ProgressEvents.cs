using System.Text.Json;

namespace MarketSim.Tests.Support;

/// <summary>A workbench experiment's progress, read from its server-sent events until the stream ends (the experiment has ended).</summary>
public static class ProgressEvents
{
    /// <summary>Every event of experiment <paramref name="id"/>, in order; <paramref name="onEach"/> sees each as it arrives.</summary>
    public static async Task<IReadOnlyList<JsonElement>> Read(HttpClient client, string id, TimeSpan patience, Func<JsonElement, Task>? onEach = null)
    {
        using var timeout = new CancellationTokenSource(patience);
        using var response = await client.GetAsync($"/experiments/{id}/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<JsonElement>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                var progress = JsonDocument.Parse(line["data:".Length..].Trim()).RootElement.Clone();
                events.Add(progress);
                if (onEach is not null)
                {
                    await onEach(progress);
                }
            }
        }
        Assert.NotEmpty(events);
        return events;
    }
}
