using System.Net;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Security;

/// <summary>API keys on each provider: what a key may do, that revoking is immediate, that only hashes are stored.</summary>
public abstract class ApiKeyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DashboardAppFactory
{
    [Fact]
    public async Task The_bootstrap_key_is_an_admin_key()
    {
        using var response = await app.CreateKeyClient(DashboardAppFactory.BootstrapKey).GetAsync("/stats");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_gets_401_with_a_challenge()
    {
        using var response = await app.CreateKeyClient("kitt_not-a-real-key").GetAsync("/stats");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_key_sent_as_a_bearer_token_works_as_the_header_does_and_a_wrong_one_is_refused()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var operatorKey = await keys.CreateAsync("scraper", Roles.Operator, "test");
        var client = app.CreateBrowserlikeClient();

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/stats"))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", operatorKey.Key);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        // The role holds as it does for the header: an Operator key may not administer.
        using (var request = new HttpRequestMessage(HttpMethod.Put, "/api/alerts/thresholds") { Content = System.Net.Http.Json.JsonContent.Create(new { }) })
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", operatorKey.Key);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/stats"))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "kitt_not-a-real-key");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var created = await keys.CreateAsync("to-revoke", Roles.Operator, "test");
        var client = app.CreateKeyClient(created.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/stats")).StatusCode);

        Assert.True(await keys.RevokeAsync(created.Entry.Id));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/stats")).StatusCode);
    }

    [Fact]
    public async Task Keys_are_stored_hashed_and_never_in_the_clear()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var created = await keys.CreateAsync("hashed", Roles.Analyst, "test");

        await using var db = app.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM api_keys";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                Assert.NotEqual(created.Key, reader.GetValue(i)?.ToString());
            }
        }

        Assert.Equal(ApiKeyService.Hash(created.Key), (await keys.ListAsync()).Single(k => k.Id == created.Entry.Id).SecretHash);
    }

    [Fact]
    public async Task The_query_parameter_counts_only_for_websocket_requests()
    {
        using var response = await app.CreateBrowserlikeClient().GetAsync("/stats?api_key=" + DashboardAppFactory.BootstrapKey);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_roles_are_refused()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => keys.CreateAsync("bad", "Superuser", "test"));
        Assert.Equal("role", error.ParamName);
    }
}

public sealed class ApiKeyOnSqliteTests(DashboardAppFactory app) : ApiKeyTests<DashboardAppFactory>(app);

public sealed class ApiKeyOnPostgresTests(PostgresAppFactory app) : ApiKeyTests<PostgresAppFactory>(app);
