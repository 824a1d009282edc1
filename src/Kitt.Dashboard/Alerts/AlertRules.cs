using System.Globalization;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// The built-in rules: what container states, engine events, sources, packing outcomes and route news mean for
/// alerts. Thresholds on measured signals are configured rules (<see cref="Rules.RuleEvaluator"/>).
/// </summary>
internal static class AlertRules
{
    /// <summary>Restarts within one container's life that make a restart loop.</summary>
    public const int RestartLoop = 3;

    /// <summary>Health, exit and restart loops of every container; the rules on their usage are configured (<see cref="Rules.AlertRuleBook"/>).</summary>
    /// <param name="conditions">Where they go: the configured rules' conditions of the same poll are there already.</param>
    public static List<AlertCondition> Containers(ContainersSnapshot snapshot, List<AlertCondition> conditions)
    {
        foreach (var c in snapshot.Containers)
        {
            conditions.Add(AlertCondition.Flag("container_health", c.Name, AlertSeverity.Error, c.Health == "unhealthy", TimeSpan.Zero,
                $"{c.Name} is unhealthy", $"Its health check fails ({c.Status})."));
            conditions.Add(AlertCondition.Flag("container_exit", c.Name, AlertSeverity.Error, c.State is "exited" or "dead" && c.ExitCode is not (null or 0), TimeSpan.Zero,
                $"{c.Name} exited with code {c.ExitCode}", $"{c.Image} stopped with exit code {c.ExitCode}."));
            // A looping container is seen restarting or just started again, whichever moment the poll catches.
            var looping = c.RestartCount >= RestartLoop
                && (c.State == "restarting" || (c.StartedAt is { } started && snapshot.At - started < TimeSpan.FromMinutes(1)));
            conditions.Add(AlertCondition.Flag("restart_loop", c.Name, AlertSeverity.Critical, looping, TimeSpan.Zero,
                $"{c.Name} keeps restarting", $"{c.RestartCount} restarts so far."));
        }

        return conditions;
    }

    /// <summary>Sources the dashboard reads from (Docker engine, database, Kafka): unavailable is an error, degraded a warning.</summary>
    /// <remarks>
    /// The engine's event stream is only news while the engine itself answers: with the engine away, the
    /// <c>docker</c> alert says it all.
    /// </remarks>
    public static IReadOnlyList<AlertCondition> Sources(IEnumerable<ComponentState> states) => SourcesOf([.. states]);

    private static IReadOnlyList<AlertCondition> SourcesOf(IReadOnlyList<ComponentState> states) =>
    [
        .. states.Where(s => s.Name != ComponentStates.DockerEvents || states.Any(d => d.Name == ComponentStates.Docker && d.Status == ComponentStatus.Running))
            .Select(s => AlertCondition.Flag(
            "source_unavailable",
            s.Name,
            s.Status == ComponentStatus.Unavailable ? AlertSeverity.Error : AlertSeverity.Warning,
            s.Status is ComponentStatus.Unavailable or ComponentStatus.Degraded,
            TimeSpan.Zero,
            $"{s.Name} is {s.Status.WireName()}",
            s.Reason ?? "no reason given")),
    ];

    /// <summary>
    /// An OOM kill fires <c>oom</c> for the container, naming its memory limit, the moment the engine reports it; the
    /// container's next start resolves it.
    /// </summary>
    public static AlertCondition? Engine(ContainerEngineEvent e) => e.Action switch
    {
        "oom" => AlertCondition.Flag("oom", e.Name, AlertSeverity.Critical, true, TimeSpan.Zero,
            $"{e.Name} was killed: out of memory",
            e.MemoryLimitBytes is > 0 and var limit
                ? $"It used up its memory limit of {Format(limit)}."
                : "It used up the memory it could get (no limit set: the host ran out)."),
        "start" => AlertCondition.Flag("oom", e.Name, AlertSeverity.Critical, false, TimeSpan.Zero,
            $"{e.Name} was killed: out of memory", $"{e.Name} started again."),
        _ => null,
    };

    /// <summary>A failed packing job fires its shipment's alert; the shipment packed later resolves it.</summary>
    public static AlertCondition? Packing(PackingEvent e) => e.Status switch
    {
        ShipmentStatus.Failed => AlertCondition.Flag("packing", e.Reference, AlertSeverity.Error, true, TimeSpan.Zero,
            $"Packing failed for {e.Reference}", e.Reason ?? $"Shipment {e.Reference} could not be packed."),
        ShipmentStatus.Packed => AlertCondition.Flag("packing", e.Reference, AlertSeverity.Error, false, TimeSpan.Zero,
            $"Packing failed for {e.Reference}", $"Shipment {e.Reference} is packed."),
        _ => null,
    };

    /// <summary>
    /// News of warning severity or worse about a route fires its alert (<c>weather</c> for weather, <c>route</c> for
    /// route and traffic news); calmer news of the same kind resolves it.
    /// </summary>
    public static AlertCondition Route(RouteEvent e)
    {
        var severity = Array.IndexOf(RouteEvent.Severities, e.Severity) switch
        {
            3 => AlertSeverity.Critical,
            2 => AlertSeverity.Error,
            _ => AlertSeverity.Warning,
        };
        var active = Array.IndexOf(RouteEvent.Severities, e.Severity) >= 1;
        var type = e.Kind == RouteEventKind.WeatherAlert ? "weather" : "route";
        var title = e.Kind switch
        {
            RouteEventKind.WeatherAlert => $"Weather on {e.Route}",
            RouteEventKind.TrafficUpdate => $"Traffic on {e.Route}",
            _ => $"Route {e.Route} changed",
        };
        var delay = e.DelayMinutes is { } minutes ? $" (delay {minutes.ToString("0", CultureInfo.InvariantCulture)} min)" : "";
        return AlertCondition.Flag(type, e.Route, severity, active, TimeSpan.Zero, title, e.Message + delay);
    }

    private static string Format(long bytes) => Components.Shell.Format.Bytes(bytes);
}
