using Kitt.Dashboard.Alerts.Rules;
using Kitt.Dashboard.Alerts.Silencing;
using System.Threading.Channels;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Data.Leases;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.HostMetrics;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Shipments;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// The one writer of alert state. Evaluates the rules on every sample (host metrics, container polls, packing
/// outcomes; source states and the error rate with each host sample), stores what changed and only then
/// announces it on <c>alerts</c>. Samples that arrive while a write is in progress are evaluated together, so a
/// burst becomes a few large transactions rather than thousands of small ones. Where instances share a store,
/// the one holding the <see cref="LeaseName"/> lease evaluates; the others stand by and hear its alerts through
/// Kafka, and the first to take the lease over after it lapses goes on from the stored firing alerts.
/// </summary>
public sealed class AlertManager(
    ITopicHub hub,
    ComponentStates states,
    AlertRuleBook rules,
    Routing.NotificationSettings routing,
    BacklogReader backlogs,
    Silences silences,
    ErrorRate errorRate,
    AlertStore store,
    IOptions<AlertOptions> options,
    IOptions<FeatureOptions> realtime,
    TimeProvider clock,
    LeasedWork leased,
    AlertMetrics metrics,
    ILogger<AlertManager> logger) : BackgroundService
{
    public const string Component = "alerts";

    public const string LeaseName = "alert-manager";

    /// <summary>Set once the lease went to another instance: samples are that instance's to judge until this one leads.</summary>
    private volatile bool standingBy;

    private readonly Channel<object> samples = Channel.CreateBounded<object>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly List<IDisposable> subscriptions = [];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (realtime.Value.SystemAlerts)
        {
            // Subscribed before the host goes on, so no sample after start-up is missed.
            subscriptions.Add(hub.Subscribe(HostSample.Topic, Forward));
            subscriptions.Add(hub.Subscribe(ContainersSnapshot.Topic, Forward));
            subscriptions.Add(hub.Subscribe(PackingEvent.Topic, Forward));
            subscriptions.Add(hub.Subscribe(RouteEvent.Topic, Forward));
            subscriptions.Add(hub.Subscribe(ContainerEngineEvent.Topic, Forward));
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!realtime.Value.SystemAlerts)
        {
            states.Report(Component, ComponentStatus.Disabled, "Features:SystemAlerts is off");
            return;
        }

        try
        {
            await leased.RunAsync(LeaseName, EvaluateAsync, () =>
            {
                standingBy = true;
                states.Report(Component, ComponentStatus.Running, "standby: another instance evaluates the rules");
            }, stoppingToken);
        }
        finally
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }
        }
    }

    /// <summary>Evaluates every sample while this instance holds the lease.</summary>
    private async Task EvaluateAsync(CancellationToken token)
    {
        // Samples queued since start-up, or while this instance took its own lease back, are judged: none is missed.
        // After standing by (another instance held the lease), what queued before is that leader's to have judged.
        if (standingBy)
        {
            while (samples.Reader.TryRead(out _))
            {
            }
        }

        standingBy = false;
        var tracker = new AlertTracker(clock) { Cooldown = TimeSpan.FromSeconds(options.Value.CooldownSeconds) };
        var evaluator = new RuleEvaluator(tracker);
        await RestoreAsync(tracker, token);
        states.Report(Component, ComponentStatus.Running);
        var batch = new List<object>();
        while (await samples.Reader.WaitToReadAsync(token))
        {
            await RefreshRulesAsync(token);
            while (batch.Count < 1024 && samples.Reader.TryRead(out var sample))
            {
                batch.Add(sample);
            }

            // Rules changed a moment ago apply to this batch: the set is read once per batch, not per sample.
            var set = rules.Current;
            var backlog = batch.Any(s => s is HostSample) && NeedsBacklog(set)
                ? await backlogs.ReadAsync(set.Needs(RuleSignal.QueueDepth), set.Needs(RuleSignal.OutboxWaiting), token)
                : null;
            var transitions = batch.SelectMany(sample => Evaluate(tracker, evaluator, set, backlog, sample)).ToList();
            batch.Clear();
            if (transitions.Count > 0)
            {
                foreach (var announced in await SaveAsync(transitions, token))
                {
                    hub.Publish(AlertEvent.Topic, announced);
                    metrics.Announced(announced);
                }
            }
        }
    }

    private async Task RefreshRulesAsync(CancellationToken token)
    {
        try
        {
            await rules.RefreshIfStaleAsync(token);
            await silences.RefreshIfStaleAsync(token);
            await routing.RefreshIfStaleAsync(token); // receivers an Admin added on any instance get this one's notices
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            logger.LogDebug(ex, "Rules, silences and receivers not read again; the last read ones apply");
        }
    }

    private ValueTask Forward<T>(IReadOnlyList<T> batch, CancellationToken cancellationToken) where T : notnull =>
        new(ForwardAsync(batch, cancellationToken));

    private async Task ForwardAsync<T>(IReadOnlyList<T> batch, CancellationToken cancellationToken) where T : notnull
    {
        if (standingBy)
        {
            return; // the leading instance judges its own samples
        }

        foreach (var item in batch)
        {
            await samples.Writer.WriteAsync(item, cancellationToken);
        }
    }

    private static bool NeedsBacklog(RuleSet set) => set.Needs(RuleSignal.QueueDepth) || set.Needs(RuleSignal.OutboxWaiting);

    private IReadOnlyList<AlertTransition> Evaluate(AlertTracker tracker, RuleEvaluator evaluator, RuleSet set, Backlog? backlog, object sample)
    {
        switch (sample)
        {
            // The host's samples come steadily: they are the clock of the rules on the sources and the packing worker too.
            // Backlogs not read yet judge no rule, and then the groups are not complete: their firing alerts stay.
            case HostSample metrics:
                var complete = backlog is not null || !NeedsBacklog(set);
                return
                [
                    .. tracker.Evaluate(AlertGroups.Host, [.. evaluator.Host(metrics, set)]),
                    .. tracker.Evaluate(AlertGroups.Sources, AlertRules.Sources(states.All().Where(s => s.Name != Component))),
                    .. tracker.Evaluate(AlertGroups.Errors, [.. evaluator.Sources(errorRate.Sample(), backlog, set)], complete),
                    .. tracker.Evaluate(AlertGroups.PackingRules, [.. evaluator.Packing(clock.GetUtcNow(), backlog, set)], complete),
                ];
            case ContainersSnapshot { SourceAvailable: true } snapshot:
                return tracker.Evaluate(AlertGroups.Containers, AlertRules.Containers(snapshot, evaluator.Containers(snapshot, set)));
            // Every instance's packing results arrive (other instances' through Kafka): the leading one raises their alerts.
            case PackingEvent packing when AlertRules.Packing(packing) is { } condition:
                if (packing.Status == ShipmentStatus.Failed)
                {
                    evaluator.PackingFailed(clock.GetUtcNow());
                }

                return
                [
                    .. tracker.Evaluate(AlertGroups.Packing, [condition], complete: false),
                    .. tracker.Evaluate(AlertGroups.PackingRules, [.. evaluator.Packing(clock.GetUtcNow(), null, set)], complete: false),
                ];
            case ContainerEngineEvent engine when AlertRules.Engine(engine) is { } condition:
                return tracker.Evaluate(AlertGroups.Engine, [condition], complete: false);
            case RouteEvent route:
                return tracker.Evaluate(AlertGroups.Routes, [AlertRules.Route(route)], complete: false);
            default:
                return [];
        }
    }

    // Alerts still firing when the dashboard stopped go on: they resolve when their condition clears, and a
    // condition still true does not fire a second alert.
    private Task RestoreAsync(AlertTracker tracker, CancellationToken cancellationToken) => DatabaseRetry.UntilDoneAsync(
        async token =>
        {
            await rules.LoadAsync(token);
            await silences.LoadAsync(token);
            await routing.LoadAsync(token);
            var names = rules.Current.Names;
            foreach (var alert in await store.LoadFiringAsync(token))
            {
                var group = AlertGroups.Of(alert.Type, alert.Source, names);
                tracker.Restore(group, new AlertCondition(
                    alert.Type, alert.Source, alert.Severity, alert.Value ?? 1, alert.Threshold ?? 1, alert.Threshold ?? 1,
                    TimeSpan.Zero, alert.Title, alert.Message, Labels: alert.Labels is null ? null : RuleLabels.Read(alert.Labels), Group: group), alert.FiredAt);
            }

            return true;
        },
        states, Component, "cannot read stored alerts", logger, clock, cancellationToken);

    // Nothing is announced before it is stored; a failing database holds the announcements back, not the rules.
    private Task<IReadOnlyList<AlertEvent>> SaveAsync(IReadOnlyList<AlertTransition> transitions, CancellationToken cancellationToken) =>
        DatabaseRetry.UntilDoneAsync(
            token => store.SaveAsync(transitions, token),
            states, Component, $"cannot store {transitions.Count} alert changes", logger, clock, cancellationToken);
}
