using Kitt.Dashboard.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Shipments;

/// <summary>The shipment tables, kept beside the feature so its schema reads in one place.</summary>
public static class ShipmentsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Shipment>(e =>
        {
            e.ToTable("shipments");
            e.Property(x => x.Reference).HasMaxLength(ShipmentRules.MaxReference);
            e.Property(x => x.Origin).HasMaxLength(ShipmentRules.MaxPlace);
            e.Property(x => x.Destination).HasMaxLength(ShipmentRules.MaxPlace);
            e.Property(x => x.Priority).HasMaxLength(16);
            e.Property(x => x.RouteConditions).HasMaxLength(16);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Error).HasMaxLength(2048);
            e.Property(x => x.ClaimedBy).HasMaxLength(128);
            e.HasIndex(x => x.Reference).IsUnique();
            e.Property(x => x.ExternalId).HasMaxLength(ShipmentLimits.MaxExternalId);
            // A client system's id is its own: two systems may both send SH-001, one system only once.
            e.HasIndex(x => new { x.CreatedBy, x.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
            // The worker claims the oldest queued job; the list pages newest first.
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            e.HasIndex(x => x.CreatedAt);
            e.Ignore(x => x.BoxCount);
            e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.ShipmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Containers).WithOne().HasForeignKey(x => x.ShipmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Plan).WithOne().HasForeignKey<PackingPlan>(x => x.ShipmentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ShipmentItem>(e =>
        {
            e.ToTable("shipment_items");
            e.Property(x => x.Sku).HasMaxLength(ShipmentRules.MaxSku);
            e.HasIndex(x => new { x.ShipmentId, x.Line }).IsUnique();
        });

        modelBuilder.Entity<ShipmentContainer>(e =>
        {
            e.ToTable("shipment_containers");
            e.Property(x => x.Type).HasMaxLength(Equipment.EquipmentRules.MaxCode);
            e.HasIndex(x => new { x.ShipmentId, x.Line }).IsUnique();
        });

        modelBuilder.Entity<PackingPlan>(e =>
        {
            e.ToTable("packing_plans");
            e.HasIndex(x => x.ShipmentId).IsUnique();
            e.HasMany(x => x.Placements).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ShareLink>(e =>
        {
            e.ToTable("share_links");
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.RevokedBy).HasMaxLength(256);
            e.HasIndex(x => x.ShipmentId);
            e.HasOne<Shipment>().WithMany().HasForeignKey(x => x.ShipmentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PlanPlacement>(e =>
        {
            e.ToTable("plan_placements");
            e.Property(x => x.Sku).HasMaxLength(ShipmentRules.MaxSku);
            e.HasIndex(x => new { x.PlanId, x.Container, x.Sequence });
        });
    }
}
