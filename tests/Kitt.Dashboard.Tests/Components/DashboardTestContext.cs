using Bunit;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.HostMetrics;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.Sessions;
using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
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
        // bUnit waits 1 s by default; the hub delivers through a thread-pool loop every ~100 ms, and on a busy 2-core
        // machine running other test classes in parallel a render can take longer. A wait still fails, only later.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();

        // The features' own registrations, as the app makes them; then the pieces a test drives or inspects.
        Services.AddSingleton(Configuration);
        Services
            .AddDashboardHost(Configuration)
            .AddRealtime(Configuration)
            .AddSessions(Configuration)
            .AddHostMetrics(Configuration)
            .AddContainers(Configuration)
            .AddAlerts(Configuration)
            .AddShipments(Configuration)
            .AddEvents(Configuration);
        Services.AddSingleton(Hub);
        Services.AddSingleton<ITopicHub>(Hub);
        Services.AddSingleton(History);

        // A real SQLite file, created only for tests whose components read the store.
        Services.AddSingleton(_ => database.Value.Factory);
        Services.AddSingleton(Options.Create(Realtime));
    }

    private ContainerHistory? history;
    private readonly Lazy<TestDatabase> database = new(() => new TestDatabase());

    protected TopicHub Hub { get; } = new(NullLogger<TopicHub>.Instance);

    /// <summary>What the features bind their options from: the defaults, and the product name the pages show.</summary>
    protected IConfiguration Configuration { get; } = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [$"{ProductOptions.Section}:{nameof(ProductOptions.Name)}"] = "Kitt Dashboard",
    }).Build();

    /// <summary>The in-memory usage history, fed by tests through <see cref="ContainerHistory.Record"/>.</summary>
    protected ContainerHistory History => history ??= new ContainerHistory(Hub);

    protected IDbContextFactory<KittDbContext> Database => database.Value.Factory;

    protected FeatureOptions Realtime { get; } = new();

    protected int Subscriptions(string topic) => Hub.GetStatistics().Topics.Single(t => t.Topic == topic).Subscriptions;

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (database.IsValueCreated)
        {
            database.Value.Dispose();
        }
    }
}
