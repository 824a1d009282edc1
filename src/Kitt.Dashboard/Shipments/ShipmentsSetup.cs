using Kitt.Dashboard.Data;
using Kitt.Dashboard.Equipment;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Items;
using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Shipments;

public static class ShipmentsSetup
{
    /// <summary>The shipment store, the packing queue and its worker, live on <c>packing</c>.</summary>
    public static IServiceCollection AddShipments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeatureMetrics<PackingMetrics>();
        services.AddValidatedOptions<PackingWorkerOptions>(PackingWorkerOptions.Section);
        services.AddTopic(PackingEvent.Topic);
        services.AddSingleton<PackingJobs>();
        services.AddSingleton<PackingPreviews>();
        services.AddEquipment(); // the containers shipments name
        services.AddItemLibrary(); // the SKUs shipment lines name
        services.AddSingleton<ShipmentStore>();
        services.AddSingleton<ShareLinks>();
        services.AddSingleton<Report.LoadReports>(); // a few PDF reports at a time
        // The one place the queue tells the providers apart.
        services.AddSingleton<IJobClaim>(StoreProvider.For(configuration).Kind == StoreProvider.Postgres ? new PostgresJobClaim() : new SqliteJobClaim());
        services.AddHostedService<PackingWorker>();
        return services;
    }
}
