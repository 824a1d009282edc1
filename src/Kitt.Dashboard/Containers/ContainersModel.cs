using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Containers;

/// <summary>The per-minute container usage and the audit log of actions, kept beside the feature so their schema reads in one place.</summary>
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
        modelBuilder.Entity<ContainerAuditEntry>(e =>
        {
            e.ToTable("container_audit");
            e.Property(x => x.User).HasMaxLength(256);
            e.Property(x => x.ContainerId).HasMaxLength(128);
            e.Property(x => x.ContainerName).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(16);
            e.Property(x => x.Result).HasMaxLength(16);
            e.Property(x => x.Error).HasMaxLength(2000);
            e.HasIndex(x => x.At);
        });
    }
}
