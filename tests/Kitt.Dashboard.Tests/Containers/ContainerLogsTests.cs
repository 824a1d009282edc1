using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Testing;

namespace Kitt.Dashboard.Tests.Containers;

/// <summary><c>GET /api/containers/{id}/logs</c> on a real engine, from busybox containers that print numbered lines.</summary>
public sealed class ContainerLogsTests(DockerEngine engine) : IClassFixture<DockerEngine>
{
    [Fact]
    public async Task Tail_returns_the_last_lines_in_order_with_stderr_marked_and_colours_stripped()
    {
        var id = await engine.DockerAsync("run", "-d", "--network", "none", DockerEngine.Image, "sh", "-c",
            "for i in $(seq 1 60); do echo \"out-$i\"; echo \"err-$i\" >&2; done; printf '\\033[31mred\\033[0m\\n'; sleep 600");
        await using var app = new EngineAppFactory(engine.Endpoint);
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        // The container writes its lines in a moment; until then the tail is shorter.
        List<JsonElement> lines = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(30); lines.Count != 121; await Task.Delay(200))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{lines.Count} lines, not 121");
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/containers/{id}/logs?tail=200");
            lines = [.. body.GetProperty("items").EnumerateArray().Select(l => l.Clone())];
        }

        Assert.All(lines, l => Assert.True(l.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
        var stdout = lines.Where(l => l.GetProperty("stream").GetString() == "stdout").Select(l => l.GetProperty("text").GetString()).ToList();
        var stderr = lines.Where(l => l.GetProperty("stream").GetString() == "stderr").Select(l => l.GetProperty("text").GetString()).ToList();
        Assert.Equal([.. Enumerable.Range(1, 60).Select(i => $"out-{i}"), "red"], stdout);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"err-{i}"), stderr);

        var last = await client.GetFromJsonAsync<JsonElement>($"/api/containers/{id}/logs?tail=200&ansi=keep&q=red");
        Assert.Equal("\u001b[31mred\u001b[0m", last.GetProperty("items")[0].GetProperty("text").GetString());

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/containers/{id}/logs?tail=200&q=ERR-5");
        Assert.Equal(["err-5", "err-50", "err-51", "err-52", "err-53", "err-54", "err-55", "err-56", "err-57", "err-58", "err-59"],
            found.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Follow_streams_new_lines_as_they_are_written_in_order()
    {
        var id = await engine.DockerAsync("run", "-d", "--network", "none", DockerEngine.Image, "sh", "-c",
            "i=0; while true; do i=$((i+1)); echo \"line-$i\"; sleep 0.05; done");
        await using var app = new EngineAppFactory(engine.Endpoint);
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        using var response = await client.GetAsync($"/api/containers/{id}/logs?tail=0&follow=true", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var numbers = new List<int>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (numbers.Count < 20 && await reader.ReadLineAsync(timeout.Token) is { } json)
        {
            using var line = JsonDocument.Parse(json);
            numbers.Add(int.Parse(line.RootElement.GetProperty("text").GetString()!["line-".Length..], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(20, numbers.Count);
        Assert.Equal(Enumerable.Range(numbers[0], 20), numbers);
    }

    [Fact]
    public async Task Bad_parameters_are_named_and_an_unknown_container_is_404()
    {
        await using var app = new EngineAppFactory(engine.Endpoint);
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        using var bad = await client.GetAsync("/api/containers/x/logs?tail=abc&since=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["since", "tail"], errors.EnumerateObject().Select(e => e.Name).Order());

        using var missing = await client.GetAsync("/api/containers/no-such-container/logs");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
