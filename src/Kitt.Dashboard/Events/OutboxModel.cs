using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Events;

/// <summary>The outbox and inbox tables: their one definition, for EF and for <see cref="OutboxStatement"/>.</summary>
public static class OutboxModel
{
    public const string Table = "outbox_events";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxEvent>(e =>
        {
            e.ToTable(Table);
            e.Property(x => x.EventId).HasMaxLength(32);
            e.Property(x => x.Topic).HasMaxLength(64);
            e.Property(x => x.Key).HasMaxLength(300);
            e.Property(x => x.Origin).HasMaxLength(128);
            e.HasIndex(x => x.EventId).IsUnique();
            // The relay reads only what waits, in order: a partial index stays small however long the history.
            e.HasIndex(x => x.Id).HasDatabaseName("IX_outbox_events_waiting").HasFilter("\"SentAt\" IS NULL");
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
    }
}
