using System.Net.Http.Json;
using System.Text.Json;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Alerts.Notifications;

/// <summary>
/// What the notification tests share: containers that exited with an error (their alerts fire at once), told to the
/// alert-manager as a docker poll would, and waits for end states with what was seen when they do not come.
/// </summary>
internal static class NotificationTestKit
{
    /// <summary>Settings for one receiver that hears only this test's container alerts, sent without waiting.</summary>
    public static Dictionary<string, string> Receiver(string name, string kind, int route = 0, string groupWait = "0s", params string[] groupBy)
    {
        var settings = new Dictionary<string, string>
        {
            // The test tells the alert-manager its polls; the app's own docker source stays off (no engine, no
            // "docker unavailable" alert inhibiting the containers' ones, no snapshot published over the test's).
            ["Features:ContainerStats"] = "false",
            [$"Alerts:Receivers:{name}:Kind"] = kind,
            [$"Alerts:Routes:{route}:Receiver"] = name,
            [$"Alerts:Routes:{route}:Match:0"] = "type=container_exit",
            [$"Alerts:Routes:{route}:GroupWait"] = groupWait,
            [$"Alerts:Routes:{route}:GroupInterval"] = "1s",
            [$"Alerts:Routes:{route}:RepeatInterval"] = "1h",
        };
        for (var i = 0; i < groupBy.Length; i++)
        {
            settings[$"Alerts:Routes:{route}:GroupBy:{i}"] = groupBy[i];
        }

        return settings;
    }

    public static string[] Names(string prefix, int count) => [.. Enumerable.Range(1, count).Select(i => $"{prefix}-{i}")];

    /// <summary>
    /// Polls that see <paramref name="exited"/> stopped with exit code 1 and nothing else, until every alert of
    /// <paramref name="awaited"/> is stored in <paramref name="state"/>. Told again every few seconds: the containers
    /// topic keeps only its latest snapshot, and the app's own docker source may publish over a test's one before
    /// the alert-manager reads it. Telling the same poll twice changes nothing.
    /// </summary>
    public static Task PollAsync(DashboardAppFactory app, HttpClient admin, IReadOnlyCollection<string> exited, string state, IReadOnlyCollection<string>? awaited = null)
    {
        awaited ??= exited;
        var told = DateTime.MinValue;
        return UntilAsync(async () =>
        {
            if (DateTime.UtcNow - told > TimeSpan.FromSeconds(3))
            {
                Publish(app, exited);
                told = DateTime.UtcNow;
            }

            return await CountAsync(admin, state, awaited) == awaited.Count;
        }, 60, async () => $"{await CountAsync(admin, state, awaited)} of {awaited.Count} alerts {state}");
    }

    private static void Publish(DashboardAppFactory app, IEnumerable<string> exited)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = exited.Select(n => new ContainerRow(n, n, "busybox", "exited", "Exited (1)", now, ExitCode: 1)).ToList();
        app.Services.GetRequiredService<ITopicHub>().Publish(ContainersSnapshot.Topic,
            new ContainersSnapshot(now, "unix:///test.sock", ComponentStatus.Running, null, rows));
    }

    /// <summary>How many of <paramref name="sources"/> have a container_exit alert in <paramref name="state"/>; counted by the API's total past 1,000.</summary>
    private static async Task<int> CountAsync(HttpClient admin, string state, IReadOnlyCollection<string> sources)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/alerts?type=container_exit&state={state}&take=1000");
        if (sources.Count > 1000)
        {
            return page.GetProperty("total").GetInt32();
        }

        var seen = page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("source").GetString()).ToHashSet();
        return sources.Count(seen.Contains);
    }

    public static async Task<JsonElement> NotificationsAsync(HttpClient admin, string query = "") =>
        await admin.GetFromJsonAsync<JsonElement>("/api/alerts/notifications?take=500" + query);

    public static async Task UntilAsync(Func<Task<bool>> done, double seconds, Func<Task<string>> seen)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"not within {seconds} s: {await seen()}");
            }

            await Task.Delay(200);
        }
    }

    public static Task UntilAsync(Func<bool> done, double seconds, Func<string> seen) =>
        UntilAsync(() => Task.FromResult(done()), seconds, () => Task.FromResult(seen()));
}
