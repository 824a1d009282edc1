using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Sessions;

/// <summary>The session event table, kept beside the feature so its schema reads in one place.</summary>
public static class SessionsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SessionLogEntry>(e =>
        {
            e.ToTable("session_events");
            e.Property(x => x.SessionId).HasMaxLength(64);
            e.Property(x => x.Change).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.User).HasMaxLength(256);
            e.Property(x => x.Page).HasMaxLength(512);
            e.HasIndex(x => x.At);
        });
    }
}
