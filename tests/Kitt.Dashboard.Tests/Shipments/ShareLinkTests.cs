using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Shipments;

/// <summary>
/// Share links on each provider: they open one packed shipment's steps without an account, and nothing else; they
/// stop at their expiry, on revocation, and when altered.
/// </summary>
public abstract class ShareLinkTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DashboardAppFactory
{
    private HttpClient Dispatcher => app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

    private async Task<(long Id, string Reference)> PackedAsync()
    {
        var reference = SampleShipments.NewReference();
        var id = await SampleShipments.CreateAsync(Dispatcher, SampleShipments.Small(reference));
        Assert.Equal("packed", (await SampleShipments.WaitForStatusAsync(Dispatcher, id, "packed", "failed")).GetProperty("status").GetString());
        return (id, reference);
    }

    private async Task<string> ShareAsync(long id, int? hours = null)
    {
        using var response = await Dispatcher.PostAsync($"/api/shipments/{id}/share-links{(hours is { } h ? $"?hours={h}" : "")}", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var path = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString()!;
        Assert.Equal(path, response.Headers.Location?.OriginalString);
        return path;
    }

    [Fact]
    public async Task A_link_opens_its_shipments_steps_and_workbook_without_an_account_and_nothing_else()
    {
        var (id, reference) = await PackedAsync();
        var (other, otherReference) = await PackedAsync();
        var path = await ShareAsync(id);
        using var crew = app.CreateBrowserlikeClient();

        using var page = await crew.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(reference, html, StringComparison.Ordinal);
        Assert.DoesNotContain(otherReference, html, StringComparison.Ordinal);
        var steps = await Dispatcher.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}/steps");
        Assert.Equal(steps.GetArrayLength(), html.Split("data-testid=\"instruction-step\"").Length - 1);
        Assert.True(page.Headers.CacheControl?.NoStore, $"Cache-Control: {page.Headers.CacheControl}");
        using var workbook = await crew.GetAsync(path + "/plan.xlsx");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal(PlanSpreadsheet.ContentType, workbook.Content.Headers.ContentType?.MediaType);
        using var report = await crew.GetAsync(path + "/report.pdf");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await report.Content.ReadAsByteArrayAsync()))
        {
            Assert.All(pdf.GetPages(), p => Assert.Contains(reference, p.Text, StringComparison.Ordinal));
        }

        // The page shows each step's picture from under the link.
        Assert.Contains($"src=\"{path.TrimStart('/')}/steps/1.png\"", html, StringComparison.Ordinal);
        using var picture = await crew.GetAsync(path + "/steps/1.png");
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);

        // The same client reaches nothing an account would: not this shipment's API, not the other's, not the dashboard.
        foreach (var closed in new[] { $"/api/shipments/{id}", $"/api/shipments/{id}/plan.xlsx", $"/api/shipments/{id}/report.pdf", $"/api/shipments/{other}/steps", $"/shipments/{id}" })
        {
            using var response = await crew.GetAsync(closed);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"{closed}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_altered_link_opens_nothing()
    {
        var (id, _) = await PackedAsync();
        var path = await ShareAsync(id);
        var token = path["/share/".Length..];
        using var crew = app.CreateBrowserlikeClient();

        foreach (var altered in new[] { token[..(token.Length / 2)], Flip(token, token.Length - 2), Flip(token, token.Length / 2), Flip(token, 8), "not-a-token" })
        {
            using var page = await crew.GetAsync("/share/" + altered);
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            var body = await page.Content.ReadAsStringAsync();
            Assert.Contains("This link is not valid", body, StringComparison.Ordinal);
            foreach (var file in new[] { "/plan.xlsx", "/report.pdf", "/steps/1.png" })
            {
                using var refused = await crew.GetAsync("/share/" + altered + file);
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }
        }
    }

    [Fact]
    public async Task A_revoked_link_is_gone_and_says_so_while_other_links_still_open()
    {
        var (id, reference) = await PackedAsync();
        var revoked = await ShareAsync(id);
        var kept = await ShareAsync(id, hours: 8);
        var links = await Dispatcher.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}/share-links");
        Assert.Equal(2, links.GetArrayLength());
        Assert.All(links.EnumerateArray(), l => Assert.False(l.TryGetProperty("path", out _)));
        // Newest first: the 8-hour link, then the one to revoke.
        var linkId = links[1].GetProperty("id").GetString();

        using (var revoke = await Dispatcher.DeleteAsync($"/api/shipments/{id}/share-links/{linkId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var crew = app.CreateBrowserlikeClient();
        using var gone = await crew.GetAsync(revoked);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("revoked", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var file in new[] { "/plan.xlsx", "/report.pdf", "/steps/1.png" })
        {
            using var goneFile = await crew.GetAsync(revoked + file);
            Assert.Equal(HttpStatusCode.Gone, goneFile.StatusCode);
        }
        using var open = await crew.GetAsync(kept);
        Assert.Contains(reference, await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        links = await Dispatcher.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}/share-links");
        Assert.Equal([true, false], links.EnumerateArray().Select(l => l.GetProperty("active").GetBoolean()));
        using var unknown = await Dispatcher.DeleteAsync($"/api/shipments/{id}/share-links/0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_link_past_its_expiry_is_gone_and_says_when_it_expired()
    {
        var (id, _) = await PackedAsync();
        var created = await app.Services.GetRequiredService<ShareLinks>().CreateAsync(id, TimeSpan.FromSeconds(1), "tester");
        using var crew = app.CreateBrowserlikeClient();

        HttpStatusCode status = default;
        var body = "";
        for (var attempt = 0; attempt < 100 && status != HttpStatusCode.Gone; attempt++)
        {
            await Task.Delay(100);
            using var page = await crew.GetAsync(created!.Path);
            (status, body) = (page.StatusCode, await page.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("This link expired on", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_needs_a_packed_shipment_and_a_lifetime_of_one_hour_to_a_week()
    {
        var (id, _) = await PackedAsync();
        using var tooLong = await Dispatcher.PostAsync($"/api/shipments/{id}/share-links?hours=169", null);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("1 to 168 hours", (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("hours")[0].GetString());
        using var none = await Dispatcher.PostAsync("/api/shipments/999999/share-links", null);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    /// <summary>The token with one character changed, always to a different one, so every alteration alters.</summary>
    private static string Flip(string token, int at) => string.Concat(token.AsSpan(0, at), token[at] == 'A' ? "B" : "A", token.AsSpan(at + 1));
}

public sealed class ShareLinksOnSqliteTests(DashboardAppFactory app) : ShareLinkTests<DashboardAppFactory>(app);

public sealed class ShareLinksOnPostgresTests(PostgresAppFactory app) : ShareLinkTests<PostgresAppFactory>(app);
