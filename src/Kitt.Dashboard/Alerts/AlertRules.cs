using System.Globalization;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.HostMetrics;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Alerts;

/// <summary>The rules: what each kind of sample means for alerts, given the current thresholds.</summary>
internal static class AlertRules
{
    /// <summary>A threshold breach must last this long before it fires; a spike of one sample does not.</summary>
    public static readonly TimeSpan BreachFor = TimeSpan.FromSeconds(10);

    /// <summary>Percentage points below the threshold a value must fall before its alert resolves.</summary>
    public const double Hysteresis = 5;

    /// <summary>Restarts within one container's life that make a restart loop.</summary>
    public const int RestartLoop = 3;

    public static IReadOnlyList<AlertCondition> Host(HostSample m, AlertThresholdValues t) =>
    [
        Percent("cpu", "host", m.CpuPercent, t.CpuPercent, "Host CPU", $"{m.CpuCount} cores"),
        Percent("memory", "host", m.MemoryPercent, t.MemoryPercent, "Host memory", $"{Format(m.MemoryUsedBytes)} of {Format(m.MemoryTotalBytes)}"),
    ];

    public static IReadOnlyList<AlertCondition> Containers(ContainersSnapshot snapshot, AlertThresholdValues t)
    {
        var conditions = new List<AlertCondition>();
        foreach (var c in snapshot.Containers)
        {
            if (c.Usage is { } u)
            {
                conditions.Add(Percent("cpu", c.Name, u.CpuPercent, t.CpuPercent, $"CPU of {c.Name}", c.Image));
                conditions.Add(Percent("memory", c.Name, u.MemoryPercent, t.MemoryPercent, $"Memory of {c.Name}",
                    $"{Format(u.MemoryBytes)} of {Format(u.MemoryLimitBytes)}"));
            }

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

    public static AlertCondition ErrorRate(ErrorRateSample sample, AlertThresholdValues t) => new(
        "error_rate", sample.Source, AlertSeverity.Error, sample.Percent, t.ErrorRatePercent, Math.Max(0, t.ErrorRatePercent - 1), BreachFor,
        "Request error rate",
        $"{sample.Failed} of {sample.Total} requests failed in the last {sample.Window.TotalMinutes:0} minutes");

    /// <summary>A failed packing job fires its shipment's alert; the shipment packed later resolves it.</summary>
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

    private static AlertCondition Percent(string type, string source, double value, double threshold, string title, string detail)
    {
        var severity = value >= Math.Max(threshold, 95) ? AlertSeverity.Critical : AlertSeverity.Warning;
        return new AlertCondition(type, source, severity, value, threshold, Math.Max(0, threshold - Hysteresis), BreachFor,
            $"{title} at {value.ToString("0.0", CultureInfo.InvariantCulture)} %",
            $"{detail}; threshold {threshold.ToString("0.#", CultureInfo.InvariantCulture)} %");
    }

    private static string Format(long bytes) => Components.Shell.Format.Bytes(bytes);
}
