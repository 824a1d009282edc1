using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Data.Leases;
using Kitt.Dashboard.Equipment;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Sessions;
using Kitt.Dashboard.Shipments;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data;

/// <summary>The one database (SQLite or PostgreSQL): accounts (ASP.NET Core Identity), API keys and the dashboard's own facts.</summary>
public class KittDbContext(DbContextOptions<KittDbContext> options) : IdentityDbContext<KittUser>(options), IDataProtectionKeyContext
{
    public DbSet<ComponentEvent> ComponentEvents => Set<ComponentEvent>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<ContainerUsageMinute> ContainerUsage => Set<ContainerUsageMinute>();

    public DbSet<SessionLogEntry> SessionLog => Set<SessionLogEntry>();
    public DbSet<Shipment> Shipments => Set<Shipment>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertChange> AlertChanges => Set<AlertChange>();

    public DbSet<AlertRead> AlertReads => Set<AlertRead>();

    public DbSet<AlertReader> AlertReaders => Set<AlertReader>();

    public DbSet<ThresholdChange> ThresholdChanges => Set<ThresholdChange>();

    public DbSet<OutboxEvent> Outbox => Set<OutboxEvent>();

    public DbSet<InboxEvent> Inbox => Set<InboxEvent>();

    public DbSet<Lease> Leases => Set<Lease>();

    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        SecurityModel.Configure(modelBuilder);
        HealthModel.Configure(modelBuilder);
        ContainersModel.Configure(modelBuilder);
        AlertsModel.Configure(modelBuilder);
        Kitt.Dashboard.Alerts.Rules.RulesModel.Configure(modelBuilder);
        Kitt.Dashboard.Alerts.Routing.RoutingModel.Configure(modelBuilder);
        SessionsModel.Configure(modelBuilder);
        OutboxModel.Configure(modelBuilder);
        ShipmentsModel.Configure(modelBuilder);
        EquipmentModel.Configure(modelBuilder);
        Items.ItemsModel.Configure(modelBuilder);
        Kitt.Dashboard.Alerts.Notifications.NotificationsModel.Configure(modelBuilder);
        LeasesModel.Configure(modelBuilder);
        StoreFunctions.Register(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native DateTimeOffset ordering; storing UTC ticks keeps range filters and sorting in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
