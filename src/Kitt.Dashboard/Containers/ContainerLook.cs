using MudBlazor;

namespace Kitt.Dashboard.Containers;

/// <summary>How container states and health read in chips, the same in the grid and the detail drawer.</summary>
public static class ContainerLook
{
    public static Color StateColor(string state) => state switch
    {
        "running" => Color.Success,
        "restarting" => Color.Warning,
        "exited" or "dead" => Color.Error,
        _ => Color.Default,
    };

    public static Color HealthColor(string health) => health switch
    {
        "healthy" => Color.Success,
        "unhealthy" => Color.Error,
        _ => Color.Warning,
    };
}
