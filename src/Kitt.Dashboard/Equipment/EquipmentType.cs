namespace Kitt.Dashboard.Equipment;

/// <summary>
/// A kind of container or trailer a shipment can be loaded into: its inner space (cm) and what it may carry (kg).
/// </summary>
/// <param name="Code">What a request names it by (<c>40HC</c>); compared without regard to case.</param>
/// <param name="Name">What people call it (<c>40 ft high cube</c>).</param>
/// <param name="Standard">One of the library's own; the others are added by Admins.</param>
/// <param name="Aliases">Other codes that name it, such as its ISO 6346 size-type code (<c>45G1</c>).</param>
public sealed record EquipmentType(
    string Code,
    string Name,
    double Length,
    double Width,
    double Height,
    double MaxPayloadKg,
    bool Standard,
    IReadOnlyList<string>? Aliases = null)
{
    public bool IsNamed(string code) =>
        string.Equals(Code, code, StringComparison.OrdinalIgnoreCase) ||
        (Aliases ?? []).Any(a => string.Equals(a, code, StringComparison.OrdinalIgnoreCase));
}
