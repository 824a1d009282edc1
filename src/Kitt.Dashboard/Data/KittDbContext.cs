using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Sessions;
using Kitt.Dashboard.Shipments;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data;

/// <summary>The one SQLite database: accounts (ASP.NET Core Identity), API keys and the dashboard's own facts.</summary>
public sealed class KittDbContext(DbContextOptions<KittDbContext> options) : IdentityDbContext<KittUser>(options)
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.Prefix).HasMaxLength(32);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.SecretHash).IsUnique();
            e.Ignore(x => x.IsActive);
        });

        modelBuilder.Entity<ComponentEvent>(e =>
        {
            e.ToTable("component_events");
            e.Property(x => x.Component).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(1024);
            e.HasIndex(x => new { x.Component, x.At });
        });

        modelBuilder.Entity<ContainerUsageMinute>(e =>
        {
            e.ToTable("container_usage_minutes");
            e.Property(x => x.ContainerId).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(256);
            e.HasIndex(x => new { x.ContainerId, x.Minute });
            e.HasIndex(x => x.Minute);
        });

        modelBuilder.Entity<Alert>(e =>
        {
            e.ToTable("alerts");
            e.Property(x => x.Key).HasMaxLength(300);
            e.Property(x => x.Type).HasMaxLength(40);
            e.Property(x => x.Source).HasMaxLength(256);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Message).HasMaxLength(2000);
            // Severity and state stay integers: severity sorts by rank, and both filter on small indexes.
            e.HasIndex(x => x.FiredAt);
            e.HasIndex(x => new { x.Severity, x.FiredAt });
            e.HasIndex(x => new { x.Type, x.FiredAt });
            e.HasIndex(x => new { x.Source, x.FiredAt });
            e.HasIndex(x => new { x.State, x.FiredAt });
            e.HasMany(x => x.Changes).WithOne().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AlertChange>(e =>
        {
            e.ToTable("alert_changes");
            e.Property(x => x.Message).HasMaxLength(2000);
            e.HasIndex(x => x.AlertId);
        });

        modelBuilder.Entity<AlertRead>(e =>
        {
            e.ToTable("alert_reads");
            e.HasKey(x => new { x.UserId, x.AlertId });
        });

        modelBuilder.Entity<AlertReader>(e =>
        {
            e.ToTable("alert_readers");
            e.HasKey(x => x.UserId);
        });

        modelBuilder.Entity<ThresholdChange>(e =>
        {
            e.ToTable("threshold_changes");
            e.Property(x => x.ChangedBy).HasMaxLength(256);
        });

        modelBuilder.Entity<SessionLogEntry>(e =>
        {
            e.ToTable("session_events");
            e.Property(x => x.SessionId).HasMaxLength(64);
            e.Property(x => x.Change).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.User).HasMaxLength(256);
            e.Property(x => x.Page).HasMaxLength(512);
            e.HasIndex(x => x.At);
        });
        modelBuilder.Entity<OutboxEvent>(e =>
        {
            e.ToTable("outbox_events");
            e.Property(x => x.EventId).HasMaxLength(32);
            e.Property(x => x.Topic).HasMaxLength(64);
            e.Property(x => x.Key).HasMaxLength(300);
            e.HasIndex(x => x.EventId).IsUnique();
            // The relay reads only what waits, in order: a partial index stays small however long the history.
            e.HasIndex(x => x.Id).HasDatabaseName("IX_outbox_events_waiting").HasFilter("SentAt IS NULL");
            e.HasIndex(x => x.SentAt);
        });

        modelBuilder.Entity<InboxEvent>(e =>
        {
            e.ToTable("inbox_events");
            e.HasKey(x => x.EventId);
            e.Property(x => x.EventId).HasMaxLength(64);
            e.Property(x => x.Topic).HasMaxLength(64);
            e.HasIndex(x => x.HandledAt);
        });

        ShipmentsModel.Configure(modelBuilder);
        StoreFunctions.Register(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native DateTimeOffset ordering; storing UTC ticks keeps range filters and sorting in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
