using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Containers;

/// <summary>The per-minute container usage table, kept beside the feature so its schema reads in one place.</summary>
public static class ContainersModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContainerUsageMinute>(e =>
        {
            e.ToTable("container_usage_minutes");
            e.Property(x => x.ContainerId).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(256);
            e.HasIndex(x => new { x.ContainerId, x.Minute });
            e.HasIndex(x => x.Minute);
        });
    }
}
