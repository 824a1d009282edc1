using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kitt.Dashboard.Tests.Telemetry;

/// <summary>
/// The receiving end of OTLP/HTTP, as a collector listens for it (<c>POST /v1/metrics</c>, <c>/v1/traces</c>, protobuf
/// bodies), on a free loopback port. It keeps each body as it came; a test looks for the names it expects in them
/// (protobuf carries strings as plain UTF-8), which is all that proves the export without decoding the schema.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Signal, string ContentType, byte[] Body)> received = new();

    private OtlpReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Enqueue((signal, request.ContentType ?? "", body.ToArray()));
            return Results.Ok();
        });
    }

    public Uri Address { get; private set; } = default!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Address = new Uri(address);
        return receiver;
    }

    /// <summary>Whether any body of <paramref name="signal"/> holds <paramref name="text"/>.</summary>
    public bool Holds(string signal, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return received.Any(r => r.Signal == signal && r.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    public IReadOnlyList<string> ContentTypes(string signal) => [.. received.Where(r => r.Signal == signal).Select(r => r.ContentType).Distinct()];

    public int Count => received.Count;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
