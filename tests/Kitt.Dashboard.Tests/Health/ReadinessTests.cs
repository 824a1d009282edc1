using System.Net;
using System.Text.Json;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Sockets;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Health;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Live_answers_while_the_start_up_work_runs_and_ready_says_what_it_does_until_it_is_done()
    {
        var step = new HeldStep();
        await using var app = new HeldStartupApp(step);
        var client = app.CreateClient();
        var work = app.Services.GetRequiredService<StartupWork>();
        await Eventually.TrueAsync(() => work.Stage == HeldStep.Description); // the store's and security's steps come first

        using (var live = await client.GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var checks = Checks(await ready.Content.ReadAsStringAsync());
            Assert.Equal(("unhealthy", HeldStep.Description), checks["startup"]);
            Assert.Equal("unhealthy", checks["database"].Status);
        }

        using (var health = await client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
            Assert.Equal("starting", body.RootElement.GetProperty("status").GetString());
        }

        step.Release();
        await work.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var checks = Checks(await ready.Content.ReadAsStringAsync());
            Assert.Equal(("healthy", "migrated and writable"), checks["database"]);
            Assert.Equal("healthy", checks["startup"].Status);
        }
    }

    [Fact]
    public async Task A_failed_start_up_step_stops_the_dashboard_with_exit_code_1_naming_the_step()
    {
        var step = new HeldStep();
        await using var app = new HeldStartupApp(step);
        _ = app.CreateClient();
        var work = app.Services.GetRequiredService<StartupWork>();

        step.Fail(new InvalidOperationException("the disk is full"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => work.Ready.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal($"start-up failed while {HeldStep.Description}: the disk is full", work.Stage);
        Assert.Equal(1, work.ExitCode);
    }

    private static Dictionary<string, (string Status, string? Reason)> Checks(string json)
    {
        using var body = JsonDocument.Parse(json);
        return body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("reason").GetString()));
    }

    /// <summary>A start-up step that runs until the test lets it end, as a long upgrade would.</summary>
    private sealed class HeldStep : IStartupStep
    {
        public const string Description = "upgrading something large";
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Stage => Description;

        public void Release() => done.TrySetResult();

        public void Fail(Exception ex) => done.TrySetException(ex);

        public Task RunAsync(IProgress<string> progress, CancellationToken cancellationToken) => done.Task.WaitAsync(cancellationToken);
    }

    private sealed class HeldStartupApp(HeldStep step) : DashboardAppFactory
    {
        protected override bool WaitsForStartup => false;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupStep>(step));
        }
    }
}
