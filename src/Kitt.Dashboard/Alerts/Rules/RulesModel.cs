using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>The rule tables: the rules Admins set, and every change with its author.</summary>
public static class RulesModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AlertRule>(e =>
        {
            e.ToTable("alert_rules");
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(40);
            e.Property(x => x.Match).HasMaxLength(2000);
            // Scope, signal and operator read as words in the table, as the API spells them.
            e.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Signal).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Operator).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Labels).HasMaxLength(8000);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<AlertRuleChange>(e =>
        {
            e.ToTable("alert_rule_changes");
            e.Property(x => x.RuleId).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(20);
            e.Property(x => x.ChangedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.RuleId, x.Id });
        });
    }
}
