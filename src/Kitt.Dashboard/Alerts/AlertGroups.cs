namespace Kitt.Dashboard.Alerts;

/// <summary>Groups of rules evaluated together: a key missing from its group's latest sample is gone.</summary>
internal static class AlertGroups
{
    public const string Host = "host";
    public const string Containers = "containers";
    public const string Sources = "sources";
    public const string Errors = "errors";
    public const string Packing = "packing";
    public const string Routes = "routes";
    public const string Engine = "engine";

    public static string Of(string type, string source) => type switch
    {
        "cpu" or "memory" when source == "host" => Host,
        "cpu" or "memory" or "container_health" or "container_exit" or "restart_loop" => Containers,
        "source_unavailable" => Sources,
        "error_rate" => Errors,
        "weather" or "route" => Routes,
        "oom" => Engine,
        _ => Packing,
    };
}
