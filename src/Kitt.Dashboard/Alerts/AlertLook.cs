using MudBlazor;

namespace Kitt.Dashboard.Alerts;

/// <summary>How severities look in chips, icons and toasts, the same everywhere.</summary>
public static class AlertLook
{
    public static readonly AlertSeverity[] Severities = [AlertSeverity.Critical, AlertSeverity.Error, AlertSeverity.Warning, AlertSeverity.Info];

    public static readonly string[] Types = ["cpu", "memory", "error_rate", "container_health", "container_exit", "restart_loop", "source_unavailable", "packing", "weather", "route"];

    public static Color Color(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical or AlertSeverity.Error => MudBlazor.Color.Error,
        AlertSeverity.Warning => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Info,
    };

    /// <summary>The theme colour of a severity for SVG and CSS; critical is a darker red than error.</summary>
    public static string CssColor(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "var(--mud-palette-error-darken)",
        AlertSeverity.Error => "var(--mud-palette-error)",
        AlertSeverity.Warning => "var(--mud-palette-warning)",
        _ => "var(--mud-palette-info)",
    };

    public static Severity Toast(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical or AlertSeverity.Error => Severity.Error,
        AlertSeverity.Warning => Severity.Warning,
        _ => Severity.Info,
    };

    public static string Name(AlertSeverity severity) => severity.ToString().ToLowerInvariant();
}
