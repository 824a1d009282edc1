using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Testing;
using Xunit.Abstractions;
using static Kitt.Dashboard.Image.Tests.Shell;

namespace Kitt.Dashboard.Image.Tests;

/// <summary>
/// The real Dockerfile, built and run on the tests' private Docker engine: it builds from the stand-in base images
/// (no network in the build), the dashboard answers, runs as the non-root user, turns healthy by its HEALTHCHECK,
/// logs JSON, and what it stored survives a new container on the same volume.
/// </summary>
public sealed class ImageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Image = "kitt-dashboard:test";
    private const string Volume = "kitt-data";
    private const string AdminKey = "kitt_image_test_key_0123456789abcdef";

    private readonly DockerEngine engine = new();
    private readonly string work = Directory.CreateTempSubdirectory("kitt-image-").FullName;

    public Task InitializeAsync() => engine.InitializeAsync();

    [Fact]
    public async Task The_image_builds_runs_as_the_app_user_turns_healthy_and_keeps_its_data_on_a_new_container()
    {
        var clock = Stopwatch.StartNew();
        var context = await BuildContextAsync();
        Step(clock, "build context copied and restored for linux-x64");

        await StandInImages.CreateAsync(engine, work,
            [Path.Combine(context, "src", "Kitt.Dashboard", "Kitt.Dashboard.csproj"), Path.Combine(context, "src", "Kitt.Packing", "Kitt.Packing.csproj")]);
        Step(clock, "stand-in base images imported");

        await RunAsync($"docker -H {Quote(engine.Endpoint)} build --network none -t {Image} {Quote(context)}",
            environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" });
        Step(clock, "image built");

        await engine.DockerAsync("volume", "create", Volume);
        var port = Kitt.Testing.FreePort.Next();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);

        var first = await StartAsync("kitt-first", port);
        await UntilReadyAsync(http, first);
        Step(clock, "first container ready");
        Assert.Equal("200", (await http.GetAsync("health")).StatusCode.ToString("D"));

        // The process itself, not just the image's metadata, runs as the app user.
        var status = await engine.DockerAsync("exec", first, "cat", "/proc/1/status");
        Assert.Matches($@"(?m)^Uid:\s+{StandInImages.AppUid}\s", status);

        await UntilHealthyAsync(first);
        Step(clock, "HEALTHCHECK healthy");

        var logs = await engine.DockerAsync("logs", first);
        var line = logs.Split('\n', StringSplitOptions.RemoveEmptyEntries).First(l => l.StartsWith('{'));
        using (var entry = JsonDocument.Parse(line))
        {
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), "the console log is JSON: " + line);
        }

        using var created = await http.PostAsJsonAsync("api/shipments", new
        {
            reference = "IMAGE-VOLUME-1",
            origin = "Hamburg",
            destination = "Rotterdam",
            container = new { length = 600, width = 240, height = 240, maxPayloadKg = 20000 },
            items = new[] { new { sku = "BOX", length = 60, width = 40, height = 40, weightKg = 10, quantity = 4 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await engine.DockerAsync("rm", "-f", first);
        var second = await StartAsync("kitt-second", port);
        await UntilReadyAsync(http, second);
        Step(clock, "second container ready on the same volume");
        using var kept = await http.GetAsync($"api/shipments/{id}");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("IMAGE-VOLUME-1", (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString());

        // The load report draws with SkiaSharp's native library and the fonts built into the app: both work in the image.
        var packed = "";
        for (var attempt = 0; attempt < 120 && packed is not ("packed" or "failed"); attempt++)
        {
            await Task.Delay(250);
            packed = (await http.GetFromJsonAsync<JsonElement>($"api/shipments/{id}")).GetProperty("status").GetString() ?? "";
        }

        Assert.Equal("packed", packed);
        using var report = await http.GetAsync($"api/shipments/{id}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await report.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);
        using var picture = await http.GetAsync($"api/shipments/{id}/steps/1.png");
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await RunAsync($"rm -rf {Quote(work)}");
    }

    /// <summary>
    /// The files the Dockerfile copies, in a folder of their own; restored there for the image's runtime identifier
    /// so the stand-in SDK image can carry exactly those packages (the checkout's own obj/ stays as it is).
    /// </summary>
    private async Task<string> BuildContextAsync()
    {
        var context = Directory.CreateDirectory(Path.Combine(work, "context")).FullName;
        var files = string.Join(' ', new[] { "Dockerfile", ".dockerignore", "global.json", "Directory.Build.props", ".editorconfig", "Kitt.Dashboard.sln", "appsettings.json", "wwwroot", "src" }.Select(Quote));
        await RunAsync($"tar -C {Quote(RepoRoot.Path)} --exclude=bin --exclude=obj -c {files} | tar -C {Quote(context)} -x");
        await RunAsync("dotnet restore src/Kitt.Dashboard/Kitt.Dashboard.csproj -r linux-x64 -p:PublishReadyToRun=true --nologo -v q", context);
        return context;
    }

    private async Task<string> StartAsync(string name, int port)
    {
        // The host's network: the tests' engine has no bridge, and the probe and the test reach the same port.
        return await engine.DockerAsync("run", "-d", "--name", name, "--network", "host", "-v", $"{Volume}:/data",
            "-e", $"ASPNETCORE_HTTP_PORTS={port}", "-e", "Auth__AdminPassword=Image-Test-Passw0rd", "-e", $"Auth__BootstrapApiKey={AdminKey}",
            "-e", "Security__RequireHttps=false", "-e", "Docker__Endpoint=unix:///nonexistent/docker.sock", Image);
    }

    private async Task UntilReadyAsync(HttpClient http, string container)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync("health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            Assert.True(DateTime.UtcNow < deadline, "the container never became ready: " + await engine.DockerAsync("logs", container));
            await Task.Delay(250);
        }
    }

    private async Task UntilHealthyAsync(string container)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        string health;
        while ((health = await engine.DockerAsync("inspect", "--format", "{{.State.Health.Status}}", container)) != "healthy")
        {
            Assert.True(DateTime.UtcNow < deadline && health != "unhealthy",
                $"HEALTHCHECK says {health}: " + await engine.DockerAsync("inspect", "--format", "{{json .State.Health}}", container));
            await Task.Delay(1000);
        }
    }

    private void Step(Stopwatch clock, string what) =>
        output.WriteLine($"{clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),6} s  {what}");
}
