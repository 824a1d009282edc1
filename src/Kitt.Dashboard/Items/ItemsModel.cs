using Kitt.Dashboard.Shipments;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Items;

/// <summary>The item library's table.</summary>
public static class ItemsModel
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<LibraryItem>(e =>
        {
            e.ToTable("item_library");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(ShipmentRules.MaxSku);
            e.Property(x => x.Sku).HasMaxLength(ShipmentRules.MaxSku);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
        });
}
