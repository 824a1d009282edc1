using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts.Routing;

/// <summary>
/// A receiver an Admin set in the dashboard, beside those of <c>Alerts:Receivers</c>. What may grant access (its URL, a
/// webhook's signing key, an SMTP password) is stored only protected.
/// </summary>
public sealed class ReceiverRow
{
    public required string Name { get; set; }

    public required string Kind { get; set; }

    public string? To { get; set; }

    public bool SendResolved { get; set; } = true;

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public string SmtpSecurity { get; set; } = "auto";

    public string? SmtpUser { get; set; }

    public string? SmtpFrom { get; set; }

    /// <summary>The secrets, as ASP.NET Core Data Protection protects them with the keys every instance shares.</summary>
    public string? Protected { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A notification policy an Admin set in the dashboard; tried after those of <c>Alerts:Routes</c>, in <see cref="Position"/> order.</summary>
public sealed class RouteRow
{
    public long Id { get; set; }

    public int Position { get; set; }

    public required string Receiver { get; set; }

    /// <summary>The matchers, as a JSON array of strings.</summary>
    public required string Match { get; set; }

    /// <summary>The group-by labels, as a JSON array of strings.</summary>
    public required string GroupBy { get; set; }

    public required string GroupWait { get; set; }

    public required string GroupInterval { get; set; }

    public required string RepeatInterval { get; set; }

    public bool Continue { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public static class RoutingModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReceiverRow>(e =>
        {
            e.ToTable("alert_receivers");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.To).HasMaxLength(2000);
            e.Property(x => x.SmtpHost).HasMaxLength(256);
            e.Property(x => x.SmtpSecurity).HasMaxLength(20);
            e.Property(x => x.SmtpUser).HasMaxLength(256);
            e.Property(x => x.SmtpFrom).HasMaxLength(256);
            e.Property(x => x.Protected).HasMaxLength(8000);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
        });

        modelBuilder.Entity<RouteRow>(e =>
        {
            e.ToTable("alert_routes");
            e.Property(x => x.Receiver).HasMaxLength(64);
            e.Property(x => x.Match).HasMaxLength(4000);
            e.Property(x => x.GroupBy).HasMaxLength(2000);
            e.Property(x => x.GroupWait).HasMaxLength(20);
            e.Property(x => x.GroupInterval).HasMaxLength(20);
            e.Property(x => x.RepeatInterval).HasMaxLength(20);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.HasIndex(x => x.Position);
        });
    }
}
