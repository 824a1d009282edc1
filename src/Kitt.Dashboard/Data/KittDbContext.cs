using Kitt.Dashboard.Containers;
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

        modelBuilder.Entity<SessionLogEntry>(e =>
        {
            e.ToTable("session_events");
            e.Property(x => x.SessionId).HasMaxLength(64);
            e.Property(x => x.Change).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.User).HasMaxLength(256);
            e.Property(x => x.Page).HasMaxLength(512);
            e.HasIndex(x => x.At);
        });
        ShipmentsModel.Configure(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native DateTimeOffset ordering; storing UTC ticks keeps range filters and sorting in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
