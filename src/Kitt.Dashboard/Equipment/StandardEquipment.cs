namespace Kitt.Dashboard.Equipment;

/// <summary>
/// The equipment every dashboard knows. Inner sizes and payloads are the figures carriers publish for these types
/// (ISO 668 containers, EU and US road trailers), rounded down to the centimetre and the 100 kg: a box planned
/// into them fits any carrier's unit of the type. Carriers' units differ by a few millimetres and some hundred
/// kilograms; an Admin adds a carrier's exact unit as custom equipment.
/// </summary>
public static class StandardEquipment
{
    public static readonly EquipmentType Dry20 = new("20DV", "20 ft standard", 589, 235, 239, 28_200, true, ["22G1", "20GP"]);
    public static readonly EquipmentType Dry40 = new("40DV", "40 ft standard", 1203, 235, 239, 26_700, true, ["42G1", "40GP"]);
    public static readonly EquipmentType HighCube40 = new("40HC", "40 ft high cube", 1203, 235, 269, 26_500, true, ["45G1"]);
    public static readonly EquipmentType HighCube45 = new("45HC", "45 ft high cube", 1355, 235, 269, 27_700, true, ["L5G1"]);

    // Reefers lose width and height to their insulation and the floor's T-rails, and length to the cooling unit.
    public static readonly EquipmentType Reefer20 = new("20RF", "20 ft reefer", 544, 229, 227, 27_400, true, ["22R1"]);
    public static readonly EquipmentType Reefer40 = new("40RF", "40 ft reefer high cube", 1158, 229, 255, 29_500, true, ["45R1", "40RH"]);

    // Road trailers: a curtain-sided 13.6 m semi-trailer within the EU's 40 t, and a US 53 ft dry van.
    public static readonly EquipmentType EuTrailer = new("EU136", "13.6 m EU trailer", 1360, 248, 270, 24_000, true, ["EU13.6"]);
    public static readonly EquipmentType Trailer53 = new("US53", "53 ft trailer", 1600, 256, 279, 20_400, true, ["53FT"]);

    public static readonly IReadOnlyList<EquipmentType> All = [Dry20, Dry40, HighCube40, HighCube45, Reefer20, Reefer40, EuTrailer, Trailer53];

    /// <summary>What a shipment is loaded into when it names no container.</summary>
    public static EquipmentType Default => Dry40;
}
