using System.Text.Json;
using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kitt.Dashboard.Tests.Mcp;

/// <summary>An MCP client of the package, over streamable HTTP to the app's <c>/mcp</c> with an API key.</summary>
public static class McpSession
{
    public static async Task<McpClient> ConnectAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> app, string key)
        where TEntryPoint : class
    {
        var http = app.CreateDefaultClient();
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { [ApiKeyService.Header] = key },
        }, http, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    /// <summary>An MCP <c>initialize</c> request as any client sends it first, by plain HTTP.</summary>
    public static async Task<HttpResponseMessage> PostInitializeAsync(HttpClient client)
    {
        const string initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"probe","version":"1"}}}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(initialize, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return await client.SendAsync(request);
    }

    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, object? arguments = null)
    {
        var args = arguments is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
        return await client.CallToolAsync(tool, args);
    }

    /// <summary>A successful call's JSON result; fails the test with the tool's own message otherwise.</summary>
    public static async Task<JsonElement> CallForJsonAsync(this McpClient client, string tool, object? arguments = null)
    {
        var result = await client.CallAsync(tool, arguments);
        Assert.False(result.IsError == true, $"{tool} failed: {Text(result)}");
        using var document = JsonDocument.Parse(Text(result));
        return document.RootElement.Clone();
    }

    /// <summary>A failed call's message; fails the test when the call succeeded.</summary>
    public static async Task<string> CallForErrorAsync(this McpClient client, string tool, object? arguments = null)
    {
        var result = await client.CallAsync(tool, arguments);
        Assert.True(result.IsError == true, $"{tool} succeeded: {Text(result)}");
        return Text(result);
    }

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
