using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>The notifier's tables: notices waiting to be routed, the groups, and the delivery outbox.</summary>
public static class NotificationsModel
{
    public const string NoticesTable = "alert_notices";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AlertNotice>(e => e.ToTable(NoticesTable));

        modelBuilder.Entity<NotificationGroupRow>(e =>
        {
            e.ToTable("notification_groups");
            e.Property(x => x.Receiver).HasMaxLength(100);
            e.Property(x => x.GroupKey).HasMaxLength(1000);
            e.HasIndex(x => new { x.Receiver, x.GroupKey }).IsUnique();
        });

        modelBuilder.Entity<NotificationRow>(e =>
        {
            e.ToTable("notifications");
            e.Property(x => x.Key).HasMaxLength(32);
            e.Property(x => x.Receiver).HasMaxLength(100);
            e.Property(x => x.GroupKey).HasMaxLength(1000);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.HasIndex(x => x.Key).IsUnique();
            // Each receiver's worker reads only what waits, oldest first.
            e.HasIndex(x => new { x.Receiver, x.Id }).HasDatabaseName("IX_notifications_waiting").HasFilter("\"DeliveredAt\" IS NULL AND \"RefusedAt\" IS NULL");
            e.HasIndex(x => x.CreatedAt);
        });
    }
}
