namespace Kitt.Dashboard.Sockets;

/// <summary>
/// A token bucket per connection on the app's clock: <c>rate</c> messages per second with a burst of as many, and a
/// count of refusals per window so that a client that keeps flooding can be told apart from one that had a burst.
/// Used by the connection's one receive loop only, so it needs no locking.
/// </summary>
internal sealed class MessageBudget(TimeProvider clock, int rate, int abuseLimit, TimeSpan abuseWindow)
{
    // Kitt:MessagesPerSecond is checked at start; a rate below one would never let a message through.
    private double tokens = rate >= 1 ? rate : throw new ArgumentOutOfRangeException(nameof(rate), rate, "must be at least 1");
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
        tokens = Math.Min(rate, tokens + clock.GetElapsedTime(refilledAt, now).TotalSeconds * rate);
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
