using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Alerts.Notifications;
using Microsoft.Extensions.Configuration;

namespace Kitt.Dashboard.Tests.Alerts.Notifications;

/// <summary>Receivers and routes that cannot work stop the start, each problem naming its key (the start itself is in StartupConfigurationTests).</summary>
public sealed class NotificationConfigCheckTests
{
    private static readonly Dictionary<string, string?> Hook = new()
    {
        ["Alerts:Receivers:ops:Kind"] = "webhook",
        ["Alerts:Receivers:ops:Url"] = "https://hooks.example.com/kitt",
    };

    [Theory]
    [InlineData("Alerts:Routes:0:GroupWait", "soon", "Alerts:Routes:0:GroupWait must be a duration such as 30s, 5m or 4h, got 'soon'")]
    [InlineData("Alerts:Routes:0:GroupInterval", "0s", "Alerts:Routes:0:GroupInterval must be longer than 0s, got '0s'")]
    [InlineData("Alerts:Routes:0:Match:0", "severity=~(critical", "Alerts:Routes:0:Match:0 '(critical' is not a regular expression")]
    [InlineData("Alerts:Routes:0:Match:0", "sev erity=critical", "Alerts:Routes:0:Match:0 'sev erity=critical' is not a matcher such as severity=critical")]
    [InlineData("Alerts:Receivers:ops:Url", "ftp://hooks.example.com", "Alerts:Receivers:ops:Url must be an absolute http or https address, got 'ftp://hooks.example.com'")]
    [InlineData("Alerts:Receivers:mail:Kind", "email", "Alerts:Receivers:mail:To must be one or more e-mail addresses separated by commas, got ''")]
    public void A_bad_route_or_receiver_is_refused_naming_its_key(string key, string value, string expected)
    {
        var failures = Check(new Dictionary<string, string?>(Hook) { ["Alerts:Routes:0:Receiver"] = "ops", [key] = value });

        Assert.Contains(failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_good_configuration_passes_and_its_routes_read_as_alertmanager_reads_them()
    {
        var settings = new Dictionary<string, string?>(Hook)
        {
            ["Alerts:Routes:0:Receiver"] = "OPS",
            ["Alerts:Routes:0:Match:0"] = "severity=~critical|error",
            ["Alerts:Routes:0:Match:1"] = "source!~db-.*",
            ["Alerts:Routes:0:GroupBy:0"] = "source",
            ["Alerts:Routes:0:GroupWait"] = "10s",
            ["Alerts:Routes:0:GroupInterval"] = "1m30s",
        };
        Assert.Empty(Check(settings));

        var routes = new NotificationRoutes(Microsoft.Extensions.Options.Options.Create(Bind(settings)));
        var route = Assert.Single(routes.All);
        Assert.Equal("ops", route.Receiver);
        Assert.Equal(TimeSpan.FromSeconds(10), route.GroupWait);
        Assert.Equal(TimeSpan.FromSeconds(90), route.GroupInterval);
        Assert.Equal(TimeSpan.FromHours(4), route.RepeatInterval);
        Assert.Single(routes.For(Labels("critical", "web-1")));
        Assert.Empty(routes.For(Labels("critical", "db-1")));
        Assert.Empty(routes.For(Labels("warning", "web-1")));
        Assert.Equal($"{route.Id}:{{source=\"web-1\"}}", route.GroupOf(Labels("error", "web-1")).Key);
        Assert.Same(route, routes.Find(route.Id, "OPS"));
        Assert.Same(route, routes.Find("0", "ops")); // a group stored when keys began with the route's position
        Assert.Null(routes.Find(route.Id, "other"));
    }

    [Fact]
    public void A_route_keeps_its_id_when_another_is_put_before_it_and_twins_are_told_apart()
    {
        AlertRouteOptions Route(string receiver, params string[] match) => new() { Receiver = receiver, Match = [.. match], GroupBy = ["source"] };
        AlertOptions Options(params AlertRouteOptions[] routes) => new()
        {
            Receivers = new(StringComparer.OrdinalIgnoreCase) { ["ops"] = new ReceiverOptions { Kind = "webhook", Url = "http://127.0.0.1:9/hook" } },
            Routes = [.. routes],
        };

        var alone = new NotificationRoutes(Microsoft.Extensions.Options.Options.Create(Options(Route("ops", "severity=critical")))).All[0];
        var after = new NotificationRoutes(Microsoft.Extensions.Options.Options.Create(Options(Route("ops", "type=cpu"), Route("ops", "severity=critical"), Route("ops", "severity=critical")))).All;

        Assert.Equal(alone.Id, after[1].Id);
        Assert.NotEqual(after[1].Id, after[2].Id);
        Assert.NotEqual(after[0].Id, after[1].Id);
    }

    [Fact]
    public void With_no_routes_every_receiver_gets_every_alert_in_one_group_with_alertmanagers_default_timings()
    {
        var routes = new NotificationRoutes(Microsoft.Extensions.Options.Options.Create(Bind(new Dictionary<string, string?>(Hook)
        {
            ["Alerts:Receivers:chat:Kind"] = "slack",
            ["Alerts:Receivers:chat:Url"] = "https://hooks.slack.com/services/T/B/X",
        })));

        var taken = routes.For(Labels("info", "anything")).ToList();
        Assert.Equal(["chat", "ops"], taken.Select(r => r.Receiver));
        Assert.All(taken, r => Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromHours(4)), (r.GroupWait, r.GroupInterval, r.RepeatInterval)));
        Assert.All(taken, r => Assert.EndsWith(":{}", r.GroupOf(Labels("info", "anything")).Key, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Labels(string severity, string source) => new()
    {
        ["alertname"] = "cpu", ["type"] = "cpu", ["severity"] = severity, ["source"] = source, ["key"] = $"cpu:{source}",
    };

    private static AlertOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new AlertOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(AlertOptions.Section).Bind(options);
        return options;
    }

    private static IReadOnlyList<string> Check(Dictionary<string, string?> settings) =>
        new NotificationConfigCheck().Validate(null, Bind(settings)).Failures?.ToList() ?? [];
}
