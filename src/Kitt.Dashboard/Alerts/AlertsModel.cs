using Kitt.Dashboard.Alerts.Silencing;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts;

/// <summary>The alert tables, kept beside the feature so its schema reads in one place.</summary>
public static class AlertsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Alert>(e =>
        {
            e.ToTable("alerts");
            e.Property(x => x.Key).HasMaxLength(300);
            e.Property(x => x.Type).HasMaxLength(40);
            e.Property(x => x.Source).HasMaxLength(256);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Message).HasMaxLength(2000);
            e.Property(x => x.InhibitedBy).HasMaxLength(300);
            e.Property(x => x.Labels).HasMaxLength(8000);
            e.Property(x => x.AckedBy).HasMaxLength(256);
            e.Property(x => x.AckComment).HasMaxLength(1000);
            // Severity and state stay integers: severity sorts by rank, and both filter on small indexes.
            e.HasIndex(x => x.FiredAt);
            e.HasIndex(x => new { x.Severity, x.FiredAt });
            e.HasIndex(x => new { x.Type, x.FiredAt });
            e.HasIndex(x => new { x.Source, x.FiredAt });
            e.HasIndex(x => new { x.State, x.FiredAt });
            e.HasMany(x => x.Changes).WithOne().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Silence>(e =>
        {
            e.ToTable("alert_silences");
            e.Property(x => x.Matchers).HasMaxLength(4000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Comment).HasMaxLength(1000);
            e.HasIndex(x => x.EndsAt);
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
    }
}
