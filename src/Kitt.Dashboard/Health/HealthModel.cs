using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Health;

/// <summary>The component event table, kept beside the feature so its schema reads in one place.</summary>
public static class HealthModel
{
    public static void Configure(ModelBuilder modelBuilder)
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
}
