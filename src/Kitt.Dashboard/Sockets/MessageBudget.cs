using Kitt.Dashboard.Protocol;

namespace Kitt.Dashboard.Sockets;

/// <summary>
/// A token bucket per connection on the app's clock: <c>rate</c> messages per second with a burst of as many, and a
/// count of refusals per window so that a client that keeps flooding can be told apart from one that had a burst.
/// Used by the connection's one receive loop only, so it needs no locking.
/// </summary>
public sealed class MessageBudget(TimeProvider clock, int rate, int abuseLimit, TimeSpan abuseWindow)
{
    private double tokens = Math.Max(1, rate);
    private long refilledAt = clock.GetTimestamp();
    private long windowStart = clock.GetTimestamp();
    private int refusals;

    public enum Verdict
    {
        Allowed,
        Refused,
        Abusive,
    }

    public Verdict Take()
    {
        var now = clock.GetTimestamp();
        var capacity = Math.Max(1, rate);
        tokens = Math.Min(capacity, tokens + clock.GetElapsedTime(refilledAt, now).TotalSeconds * capacity);
        refilledAt = now;
        if (tokens >= 1)
        {
            tokens -= 1;
            return Verdict.Allowed;
        }

        if (clock.GetElapsedTime(windowStart, now) > abuseWindow)
        {
            windowStart = now;
            refusals = 0;
        }

        return ++refusals > abuseLimit ? Verdict.Abusive : Verdict.Refused;
    }
}
