namespace Kitt.Dashboard.Shipments;

/// <summary>Common ISO container inner sizes (cm) and payloads (kg) to choose from in the form.</summary>
public static class EquipmentPresets
{
    public sealed record Preset(string Name, double Length, double Width, double Height, double MaxPayloadKg);

    public const string Custom = "Custom";

    public static readonly IReadOnlyList<Preset> All =
    [
        new("20 ft standard", 590, 235, 239, 28_200),
        new("40 ft standard", 1203, 235, 239, 26_700),
        new("40 ft high cube", 1203, 235, 269, 26_500),
        new("Euro trailer", 1360, 245, 270, 24_000),
    ];

    public static Preset Default => All[1];

    public static string NameOf(ContainerInput c) =>
        All.FirstOrDefault(p => p.Length == c.Length && p.Width == c.Width && p.Height == c.Height && p.MaxPayloadKg == c.MaxPayloadKg)?.Name ?? Custom;
}
