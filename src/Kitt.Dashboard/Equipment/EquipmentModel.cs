using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Equipment;

/// <summary>The custom equipment table; the standard equipment is code, not rows.</summary>
public static class EquipmentModel
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<CustomEquipment>(e =>
        {
            e.ToTable("equipment");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(EquipmentRules.MaxCode);
            e.Property(x => x.Name).HasMaxLength(EquipmentRules.MaxName);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
        });
}
