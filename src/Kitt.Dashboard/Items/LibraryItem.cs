using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Items;

/// <summary>A SKU dispatchers ship often: its sizes (cm), weight (kg) and handling, typed once.</summary>
public sealed class LibraryItem
{
    /// <summary>The SKU in upper case, so "box-s" finds "BOX-S".</summary>
    public required string Key { get; set; }

    /// <summary>The SKU as it was first saved.</summary>
    public required string Sku { get; set; }

    public double Length { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public double WeightKg { get; set; }

    public bool ThisSideUp { get; set; }

    public bool Fragile { get; set; }

    public bool FloorOnly { get; set; }

    public double? MaxLoadKg { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public static string KeyOf(string sku) => sku.Trim().ToUpperInvariant();

    public LibraryItemView ToView() => new(Sku, Length, Width, Height, WeightKg, ThisSideUp, Fragile, MaxLoadKg, UpdatedBy, UpdatedAt, FloorOnly);
}

/// <summary>An item of the library as <c>GET /api/items</c> lists it.</summary>
public sealed record LibraryItemView(string Sku, double Length, double Width, double Height, double WeightKg, bool ThisSideUp, bool Fragile,
    double? MaxLoadKg, string UpdatedBy, DateTimeOffset UpdatedAt, bool FloorOnly = false)
{
    /// <summary>A shipment line of <paramref name="quantity"/> of this SKU, with everything else from the library.</summary>
    public ItemInput ToLine(int? quantity) => new()
    {
        Sku = Sku, Length = Length, Width = Width, Height = Height, WeightKg = WeightKg, Quantity = quantity,
        ThisSideUp = ThisSideUp, Fragile = Fragile, FloorOnly = FloorOnly, MaxLoadKg = MaxLoadKg,
    };
}
