using Kitt.Dashboard.Health;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data;

public sealed class KittDbContext(DbContextOptions<KittDbContext> options) : DbContext(options)
{
    public DbSet<ComponentEvent> ComponentEvents => Set<ComponentEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ComponentEvent>(e =>
        {
            e.ToTable("component_events");
            e.Property(x => x.Component).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(1024);
            e.HasIndex(x => new { x.Component, x.At });
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native DateTimeOffset ordering; storing UTC ticks keeps range filters and sorting in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
