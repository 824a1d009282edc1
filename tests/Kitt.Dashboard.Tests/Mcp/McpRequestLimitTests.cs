using System.Net;
using Kitt.Dashboard.Tests.Hosting;

namespace Kitt.Dashboard.Tests.Mcp;

/// <summary>Tool calls spend the key's request budget, as REST calls do.</summary>
public sealed class McpRequestLimitTests
{
    [Fact]
    public async Task Calls_beyond_the_keys_limit_get_429()
    {
        await using var app = new ConfiguredAppFactory(new Dictionary<string, string> { ["Security:ApiPer10Seconds"] = "2" });
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await McpSession.PostInitializeAsync(client);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
