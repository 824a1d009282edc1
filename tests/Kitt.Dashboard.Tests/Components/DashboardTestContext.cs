using Bunit;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Kitt.Dashboard.Tests.Components;

/// <summary>
/// A bUnit context with the real topic hub: tests feed components by publishing on it, exactly as the
/// background services do.
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Hub);
        Services.AddSingleton<ITopicHub>(Hub);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new CircuitTracker(Hub, TimeProvider.System));
        Services.AddSingleton(Options.Create(Realtime));
        Services.AddSingleton(Options.Create(new DockerOptions()));
        Services.AddSingleton(Options.Create(new AlertOptions()));
        Services.AddSingleton(Options.Create(new ProductOptions { Name = "Kitt Dashboard" }));
    }

    protected TopicHub Hub { get; } = new(NullLogger<TopicHub>.Instance);

    protected RealtimeOptions Realtime { get; } = new();

    protected int Subscriptions(string topic) => Hub.GetStatistics().Topics.Single(t => t.Topic == topic).Subscriptions;

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
