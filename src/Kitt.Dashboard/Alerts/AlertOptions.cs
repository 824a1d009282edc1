using System.ComponentModel.DataAnnotations;
using Kitt.Dashboard.Alerts.Notifications;

namespace Kitt.Dashboard.Alerts;

/// <summary>Defaults under <c>Alerts:*</c>.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public ThresholdOptions Thresholds { get; set; } = new();

    [Range(0, 86400)]
    public int CooldownSeconds { get; set; } = 60;

    /// <summary>Where alerts are sent, by name.</summary>
    public Dictionary<string, ReceiverOptions> Receivers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Which alerts go to which receiver, and how they are grouped; none: every receiver gets every alert.</summary>
    public List<AlertRouteOptions> Routes { get; set; } = [];

    public DeliveryOptions Delivery { get; set; } = new();
}

public sealed class ThresholdOptions
{
    [Range(0, 100)]
    public double CpuPercent { get; set; } = 80;

    [Range(0, 100)]

    public double MemoryPercent { get; set; } = 85;

    [Range(0, 100)]

    public double ErrorRatePercent { get; set; } = 5;
}
