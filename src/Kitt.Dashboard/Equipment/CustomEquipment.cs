namespace Kitt.Dashboard.Equipment;

/// <summary>Equipment an Admin added: a carrier's own unit, a swap body, a van. Sizes in cm, payload in kg.</summary>
public sealed class CustomEquipment
{
    /// <summary>The code in upper case, so two codes that differ only in case are one.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public double Length { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public double MaxPayloadKg { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public EquipmentType ToEquipment() => new(Code, Name, Length, Width, Height, MaxPayloadKg, Standard: false);
}
