using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Hosting;

/// <summary>
/// The OpenAPI document as a client generator reads it, without credentials: every REST route the app maps is in it,
/// with the security schemes, and its schemas name the properties the API really sends.
/// </summary>
public sealed partial class OpenApiDocumentTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private const string Json = "application/json";
    private const string Problem = "application/problem+json";

    [Fact]
    public async Task Every_api_route_the_app_maps_is_in_the_document()
    {
        using var document = await DocumentAsync();
        var paths = document.RootElement.GetProperty("paths");

        var routes = ApiRoutes();
        var missing = routes
            .Where(r => !(paths.TryGetProperty(r.Path, out var item) && item.TryGetProperty(r.Method, out _)))
            .Select(r => $"{r.Method.ToUpperInvariant()} {r.Path}")
            .ToList();

        Assert.True(routes.Count >= 17, $"only {routes.Count} /api routes were found: the walk is not seeing the app");
        Assert.True(missing.Count == 0, "not in /openapi/v1.json: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_document_declares_how_to_sign_in_and_asks_for_it_where_needed()
    {
        using var document = await DocumentAsync();
        var root = document.RootElement;
        Assert.Equal("Kitt.Dashboard", root.GetProperty("info").GetProperty("title").GetString());

        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        var apiKey = schemes.GetProperty("ApiKey");
        Assert.Equal("apiKey", apiKey.GetProperty("type").GetString());
        Assert.Equal("header", apiKey.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", apiKey.GetProperty("name").GetString());
        var bearer = schemes.GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        var cookie = schemes.GetProperty("Cookie");
        Assert.Equal("cookie", cookie.GetProperty("in").GetString());
        Assert.Equal("kitt.auth", cookie.GetProperty("name").GetString());

        var alerts = Operation(root, "/api/alerts", "get");
        var required = alerts.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
        Assert.Equal(["ApiKey", "Bearer", "Cookie"], required);
        Assert.True(alerts.GetProperty("responses").TryGetProperty("401", out _), "GET /api/alerts does not say it answers 401");
        Assert.False(Operation(root, "/health", "get").TryGetProperty("security", out _), "GET /health is open but asks for credentials");
    }

    [Fact]
    public async Task Operations_carry_their_bodies_and_problem_answers()
    {
        using var document = await DocumentAsync();
        var root = document.RootElement;

        var alerts = Operation(root, "/api/alerts", "get");
        Assert.Equal(JsonValueKind.Object, Schema(root, alerts, "200", Json).ValueKind);
        Assert.Equal(JsonValueKind.Object, Schema(root, alerts, "400", Problem).ValueKind);
        Assert.Contains(alerts.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "severity");

        var create = Operation(root, "/api/shipments", "post");
        var body = Resolve(root, create.GetProperty("requestBody").GetProperty("content").GetProperty(Json).GetProperty("schema"));
        Assert.True(body.GetProperty("properties").TryGetProperty("items", out _), "POST /api/shipments has no request body schema with items");
        Assert.True(Schema(root, create, "201", Json).GetProperty("properties").TryGetProperty("id", out _));
        Assert.Equal(JsonValueKind.Object, Schema(root, create, "409", Problem).ValueKind);

        Assert.Equal(JsonValueKind.Object, Schema(root, Operation(root, "/api/shipments/{id}", "get"), "404", Problem).ValueKind);
        var csv = Operation(root, "/api/alerts.csv", "get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(csv.TryGetProperty("text/csv", out _), "GET /api/alerts.csv does not say it answers text/csv");
    }

    [Theory]
    [InlineData("/api/alerts")]
    [InlineData("/api/alerts/thresholds")]
    [InlineData("/api/shipments")]
    [InlineData("/api/sessions")]
    [InlineData("/api/containers")]
    public async Task The_schema_names_the_properties_the_api_sends(string path)
    {
        using var document = await DocumentAsync();
        var schema = Schema(document.RootElement, Operation(document.RootElement, path, "get"), "200", Json);

        using var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);
        using var answer = JsonDocument.Parse(await client.GetStringAsync(path));

        var sent = answer.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var described = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(described, sent);
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Each method of each <c>/api</c> route, its path as OpenAPI writes it: <c>{id:long}</c> is <c>{id}</c>, and a group's
    /// own route (<c>/api/shipments/</c>) has no trailing slash.
    /// </summary>
    private List<(string Path, string Method)> ApiRoutes() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (RouteParameter().Replace(e.RoutePattern.RawText!, "{$1}").TrimEnd('/'), m.ToLowerInvariant())))
            .Distinct()];

    private static JsonElement Operation(JsonElement root, string path, string method) =>
        root.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method, out var operation)
            ? operation
            : throw new Xunit.Sdk.XunitException($"{method.ToUpperInvariant()} {path} is not in the document");

    private static JsonElement Schema(JsonElement root, JsonElement operation, string status, string contentType) =>
        operation.GetProperty("responses").TryGetProperty(status, out var response)
        && response.TryGetProperty("content", out var content) && content.TryGetProperty(contentType, out var media)
            ? Resolve(root, media.GetProperty("schema"))
            : throw new Xunit.Sdk.XunitException($"no {status} {contentType} answer in {operation}");

    /// <summary>Follows <c>$ref</c> to <c>#/components/schemas/…</c>.</summary>
    private static JsonElement Resolve(JsonElement root, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? Resolve(root, root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]))
            : schema;

    [GeneratedRegex(@"\{\**([^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
