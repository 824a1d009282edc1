using Kitt.Dashboard.Components.Shell;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Tests.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Tests.Shipments;

/// <summary>
/// A bUnit context over a real, migrated SQLite file and the real store; <see cref="StartWorkerAsync"/> runs the real
/// packing worker against it.
/// </summary>
public abstract class ShipmentsTestContext : DashboardTestContext
{
    private readonly string folder = Directory.CreateTempSubdirectory("kitt-bunit-").FullName;
    private PackingWorker? worker;

    protected ShipmentsTestContext()
    {
        var connection = $"Data Source={Path.Combine(folder, "kitt.db")}";
        Services.AddDbContextFactory<KittDbContext>(o => o.UseSqlite(connection));
        Services.AddScoped<ShortcutRouter>();
        // Share links sign their tokens; keys in memory are enough for one test.
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        using var db = new KittDbContext(new DbContextOptionsBuilder<KittDbContext>().UseSqlite(connection).Options);
        db.Database.Migrate();
    }

    protected ShipmentStore Store => Services.GetRequiredService<ShipmentStore>();

    protected ShortcutRouter PageShortcuts => Services.GetRequiredService<ShortcutRouter>();

    protected async Task StartWorkerAsync()
    {
        worker = new PackingWorker(
            Services.GetRequiredService<IDbContextFactory<KittDbContext>>(),
            new SqliteJobClaim(),
            new Kitt.Dashboard.Data.Leases.InstanceIdentity("test"),
            Services.GetRequiredService<PackingJobs>(),
            Hub,
            Services.GetRequiredService<Outbox>(),
            new ComponentStates(TimeProvider.System, NullLogger<ComponentStates>.Instance),
            Options.Create(Realtime),
            Options.Create(new PackingWorkerOptions { SearchSeconds = 0.3 }),
            TimeProvider.System,
            Services.GetRequiredService<PackingMetrics>(),
            NullLogger<PackingWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
    }

    protected static ShipmentRequest Request(string reference, params ItemInput[] items) => new()
    {
        Reference = reference,
        Origin = "Hamburg",
        Destination = "Vienna",
        Container = new ContainerInput { Length = 240, Width = 120, Height = 120, MaxPayloadKg = 2000 },
        Items = [.. items],
    };

    protected static ItemInput Item(string sku, double l, double w, double h, double kg = 5, int quantity = 1, bool fragile = false) =>
        new() { Sku = sku, Length = l, Width = w, Height = h, WeightKg = kg, Quantity = quantity, Fragile = fragile };

    protected async Task<long> CreateAsync(ShipmentRequest request)
    {
        var result = await Store.CreateAsync(request, "tester");
        Assert.True(result.Created, string.Join("; ", result.Errors));
        return result.Id!.Value;
    }

    protected async Task<ShipmentDetails> WaitForStatusAsync(long id, string status)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await Store.GetAsync(id) is { } details && details.Status == status)
            {
                return details;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"shipment {id} never became {status}");
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        if (worker is not null)
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }

        await base.DisposeAsyncCore();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
