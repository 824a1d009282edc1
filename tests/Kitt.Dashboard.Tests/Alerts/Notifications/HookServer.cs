using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kitt.Dashboard.Tests.Alerts.Notifications;

/// <summary>
/// A webhook receiver on Kestrel, on a port fixed at creation so it can be stopped and started again at the same
/// address (a receiver that is down, then back). It keeps every request: its idempotency key, signature and body.
/// </summary>
public sealed class HookServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<HookRequest> received = new();
    private WebApplication? app;

    public int Port { get; } = Kitt.Testing.FreePort.Next();

    public Uri Url => new($"http://127.0.0.1:{Port}/hook");

    public IReadOnlyList<HookRequest> Received => [.. received];

    /// <summary>The distinct idempotency keys received: what a receiver that drops repeats would keep.</summary>
    public IReadOnlySet<string> Keys => received.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Bodies this receiver refuses with 400, as a receiver does with what it can never take.</summary>
    public Func<string, bool> Refuses { get; init; } = _ => false;

    public static async Task<HookServer> StartAsync(Func<string, bool>? refuses = null)
    {
        var server = new HookServer { Refuses = refuses ?? (_ => false) };
        await server.UpAsync();
        return server;
    }

    public async Task UpAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            received.Enqueue(new HookRequest(
                request.Headers["Idempotency-Key"].ToString(), request.Headers["X-Kitt-Signature"].ToString(), body));
            return Refuses(body) ? Results.BadRequest("unknown channel") : Results.Ok();
        });
        await app.StartAsync();
    }

    public async Task DownAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public ValueTask DisposeAsync() => new(DownAsync());
}

/// <summary>One POST as the receiver saw it.</summary>
public sealed record HookRequest(string Key, string Signature, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The alerts of the notification as (source, status).</summary>
    public IEnumerable<(string Source, string Status)> Alerts => Json.TryGetProperty("alerts", out var alerts)
        ? alerts.EnumerateArray().Select(a => (a.GetProperty("labels").GetProperty("source").GetString()!, a.GetProperty("status").GetString()!))
        : [];
}
