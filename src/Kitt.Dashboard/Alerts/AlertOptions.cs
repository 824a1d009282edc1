namespace Kitt.Dashboard.Alerts;

/// <summary>Defaults under <c>Alerts:*</c>.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public ThresholdOptions Thresholds { get; set; } = new();

    public int CooldownSeconds { get; set; } = 60;
}

public sealed class ThresholdOptions
{
    public double CpuPercent { get; set; } = 80;

    public double MemoryPercent { get; set; } = 85;

    public double ErrorRatePercent { get; set; } = 5;
}
