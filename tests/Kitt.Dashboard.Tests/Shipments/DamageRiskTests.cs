using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Tests.Shipments;

public sealed class DamageRiskTests
{
    private static readonly ContainerInput Container = new() { Length = 200, Width = 100, Height = 100 };

    private static PlacementView Box(double x, double y, double z, double kg, bool fragile = false, double size = 50, double support = 1) =>
        new("SKU", x, y, z, size, size, size, 1, 0, 0, kg, fragile, null, support);

    [Fact]
    public void A_balanced_floor_load_of_sturdy_boxes_scores_low_with_no_factors()
    {
        var boxes = new[] { Box(0, 0, 0, 10), Box(0, 50, 0, 10), Box(150, 0, 0, 10), Box(150, 50, 0, 10) };
        var risk = DamageRisk.Assess(boxes, Container, ShipmentPriority.Normal, null);

        Assert.Empty(risk.Factors);
        Assert.Equal(0, risk.Score);
        Assert.Equal("low", risk.Level);
    }

    [Fact]
    public void A_fragile_box_with_a_heavy_box_on_top_is_named_with_the_load()
    {
        var boxes = new[] { Box(0, 0, 0, 5, fragile: true), Box(0, 0, 50, 40), Box(150, 50, 0, 5, fragile: true) };
        var risk = DamageRisk.Assess(boxes, Container, ShipmentPriority.Normal, null);

        var factor = Assert.Single(risk.Factors, f => f.Name == "Fragile items under load");
        Assert.Contains("1 of 2 fragile boxes", factor.Detail);
        Assert.Contains("40 kg", factor.Detail);
        Assert.Contains(risk.Factors, f => f.Name == "Heavy items high up");
        Assert.True(risk.Score > 20);
    }

    [Fact]
    public void A_load_on_one_side_shifts_the_centre_of_gravity()
    {
        var boxes = new[] { Box(0, 0, 0, 100), Box(50, 0, 0, 100), Box(100, 0, 0, 100), Box(150, 0, 0, 100) };
        var risk = DamageRisk.Assess(boxes, Container, ShipmentPriority.Normal, null);

        var factor = Assert.Single(risk.Factors);
        Assert.Equal("Centre of gravity off centre", factor.Name);
        Assert.Contains("50% of the half-width sideways", factor.Detail.Replace(" %", "%", StringComparison.Ordinal));
    }

    [Fact]
    public void Partial_support_poor_roads_and_urgency_add_up_and_the_score_stays_within_100()
    {
        var boxes = Enumerable.Range(0, 8).Select(i => Box(i * 25, 0, i * 12.5, 10 + i * 30, fragile: i % 2 == 0, size: 12.5, support: 0.5)).ToList();
        var calm = DamageRisk.Assess(boxes, Container, ShipmentPriority.Normal, "good");
        var rushed = DamageRisk.Assess(boxes, Container, ShipmentPriority.Urgent, "poor");

        Assert.Contains(calm.Factors, f => f.Name == "Partly supported boxes");
        Assert.DoesNotContain(calm.Factors, f => f.Name is "Route conditions" or "Priority");
        Assert.Contains(rushed.Factors, f => f.Name == "Route conditions");
        Assert.Contains(rushed.Factors, f => f.Name == "Priority" && f.Points == 8);
        Assert.True(rushed.Score > calm.Score);
        Assert.InRange(rushed.Score, 0, 100);
    }
}
