using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Tests.Shipments;

/// <summary>Shipments stored when each had one container keep it, as their only kind, after the upgrade.</summary>
public sealed class ShipmentContainersMigrationTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_shipment_s_one_container_becomes_its_only_kind_and_its_plan_still_reads(StoreKind kind)
    {
        using var older = new TestDatabase("RulesReceiversFloorOnly", kind);
        await using (var db = await older.Factory.CreateDbContextAsync())
        {
            // Both providers keep times as numbers: 1 is as good a time as any here.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO shipments ("Reference", "Origin", "Destination", "Priority", "Status", "ContainerType", "ContainerLength",
                    "ContainerWidth", "ContainerHeight", "ContainerMaxPayloadKg", "CreatedBy", "CreatedAt", "UpdatedAt", "Attempts")
                VALUES ('OLD-1', 'Antwerp', 'Lyon', 'normal', 'packed', '40HC', 1203, 235, 269, 26500, 'dispatcher', 1, 1, 1),
                       ('OLD-2', 'Antwerp', 'Basel', 'normal', 'queued', NULL, 300, 200, 180, NULL, 'dispatcher', 1, 1, 0);
                INSERT INTO packing_plans ("ShipmentId", "Utilization", "ContainersUsed", "ElapsedMs", "CreatedAt", "RiskScore", "RiskFactorsJson", "UnplacedJson")
                SELECT "Id", 0.5, 1, 10, 1, 3, '[]', '[]' FROM shipments WHERE "Reference" = 'OLD-1';
                INSERT INTO shipment_items ("ShipmentId", "Line", "Sku", "Length", "Width", "Height", "WeightKg", "Quantity", "ThisSideUp", "Fragile", "FloorOnly")
                SELECT "Id", 0, 'CRATE', 50, 40, 30, 10, 2, FALSE, FALSE, FALSE FROM shipments;
                INSERT INTO plan_placements ("PlanId", "Sequence", "Container", "Line", "Sku", "X", "Y", "Z", "Length", "Width", "Height", "SupportFraction")
                SELECT "Id", 1, 0, 0, 'CRATE', 0, 0, 0, 50, 40, 30, 1 FROM packing_plans;
                """);
            await db.Database.MigrateAsync();
        }

        await using (var db = await older.Factory.CreateDbContextAsync())
        {
            var shipments = await db.Set<Shipment>().Include(s => s.Containers).Include(s => s.Plan).OrderBy(s => s.Reference).ToListAsync();
            var first = Assert.Single(shipments[0].Containers);
            Assert.Equal(("40HC", 1203.0, 235.0, 269.0, (double?)26500, (int?)1, 0), (first.Type, first.Length, first.Width, first.Height, first.MaxPayloadKg, first.Count, first.Line));
            var second = Assert.Single(shipments[1].Containers);
            Assert.Equal((null, 300.0, (double?)null, (int?)1), (second.Type, second.Length, second.MaxPayloadKg, second.Count));
            Assert.Equal("[]", shipments[0].Plan!.ContainersJson);
            Assert.Equal(0.5, shipments[0].Plan!.Utilization);
            // Rebuilding the shipments table to drop its container columns must not cascade into its children.
            Assert.Equal(2, await db.Set<ShipmentItem>().CountAsync());
            Assert.Equal(1, await db.Set<PlanPlacement>().CountAsync());
        }
    }
}
