namespace Kitt.Dashboard.Equipment;

/// <summary>Custom equipment as an Admin sends it (<c>PUT /api/equipment/{code}</c>) or fills it in: cm and kg.</summary>
public sealed class EquipmentInput
{
    public string? Name { get; set; }

    public double Length { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public double MaxPayloadKg { get; set; }
}
