using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Alerts;

/// <summary>Defaults under <c>Alerts:*</c>.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public ThresholdOptions Thresholds { get; set; } = new();

    [Range(0, 86400)]

    public int CooldownSeconds { get; set; } = 60;
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
