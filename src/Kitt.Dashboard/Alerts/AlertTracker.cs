namespace Kitt.Dashboard.Alerts;

/// <summary>What the tracker decided for a key in one evaluation.</summary>
public sealed record AlertTransition(AlertCondition Condition, AlertState State, DateTimeOffset At, bool Notify);

/// <summary>
/// The state machine of every alert key: idle → pending (value at the threshold, waiting its "for" duration) →
/// firing → resolved once below the hysteresis line. A key that fires again within the cooldown of its last
/// notification is stored but not announced again. Pure and clock-driven, so every path is testable.
/// </summary>
internal sealed class AlertTracker(TimeProvider clock)
{
    private readonly Dictionary<string, KeyState> keys = new(StringComparer.Ordinal);

    public TimeSpan Cooldown { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<string> FiringKeys => keys.Where(k => k.Value.Firing).Select(k => k.Key);

    /// <summary>
    /// Whether a key is pending, firing or lately told of. A quiet value of a key not watched changes nothing, so rules over many
    /// containers leave such conditions out rather than build them (a complete group's absent idle keys stay idle).
    /// </summary>
    /// <remarks>A key told of within the cooldown is watched too: dropped, it would forget when it was told, and a
    /// breach again a moment later would be announced again.</remarks>
    public bool Watches(string key) => keys.TryGetValue(key, out var state)
        && (state.Firing || state.PendingSince is not null || (state.NotifiedAt is { } told && clock.GetUtcNow() - told < Cooldown));

    /// <summary>Evaluates one sample's conditions from one group of rules (host, containers, sources, …).</summary>
    /// <param name="complete">The sample covers the whole group: its keys that are absent are gone (a container
    /// removed) and their alerts resolve. Event-driven groups (a packing job failed) pass false.</param>
    public IReadOnlyList<AlertTransition> Evaluate(string group, IReadOnlyCollection<AlertCondition> conditions, bool complete = true)
    {
        var now = clock.GetUtcNow();
        var transitions = new List<AlertTransition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            seen.Add(condition.Key);
            var state = keys.TryGetValue(condition.Key, out var s) ? s : keys[condition.Key] = new KeyState(group);
            if (Step(state, condition, now) is { } transition)
            {
                transitions.Add(transition);
            }
        }

        if (complete)
        {
            foreach (var (key, state) in keys.Where(k => k.Value.Group == group && !seen.Contains(k.Key)).ToList())
            {
                if (state.Firing && state.Last is { } last)
                {
                    transitions.Add(new AlertTransition(last with { Message = $"{last.Source} is gone, or no rule watches it any more" }, AlertState.Resolved, now, false));
                }

                keys.Remove(key);
            }
        }

        return transitions;
    }

    /// <summary>Takes up a key that was firing before a restart, as if it had fired at <paramref name="firedAt"/>.</summary>
    public void Restore(string group, AlertCondition last, DateTimeOffset firedAt) =>
        keys[last.Key] = new KeyState(group) { Firing = true, NotifiedAt = firedAt, Last = last };

    private AlertTransition? Step(KeyState state, AlertCondition condition, DateTimeOffset now)
    {
        state.Last = condition;
        if (state.Firing)
        {
            if (condition.Holds)
            {
                return null;
            }

            state.Firing = false;
            state.PendingSince = null;
            return new AlertTransition(condition, AlertState.Resolved, now, Notify: false);
        }

        if (!condition.Breaches)
        {
            state.PendingSince = null;
            return null;
        }

        state.PendingSince ??= now;
        if (now - state.PendingSince < condition.For)
        {
            return null;
        }

        state.Firing = true;
        var notify = state.NotifiedAt is not { } notified || now - notified >= Cooldown;
        if (notify)
        {
            state.NotifiedAt = now;
        }

        return new AlertTransition(condition, AlertState.Firing, now, notify);
    }

    private sealed class KeyState(string group)
    {
        public string Group => group;

        public bool Firing { get; set; }

        public DateTimeOffset? PendingSince { get; set; }

        public DateTimeOffset? NotifiedAt { get; set; }

        public AlertCondition? Last { get; set; }
    }
}
