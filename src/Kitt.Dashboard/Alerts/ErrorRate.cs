using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Alerts;

/// <summary>Requests and failures over the window, as the error-rate rule reads them.</summary>
public sealed record ErrorRateSample(string Source, long Total, long Failed, TimeSpan Window)
{
    /// <summary>Below this many requests in the window a rate says little (1 failure of 2 is not 50 % of anything).</summary>
    public const int MinimumRequests = 20;

    public double Percent => Total < MinimumRequests ? 0 : 100.0 * Failed / Total;
}

/// <summary>
/// Counts machine requests (REST, WebSocket upgrades) and those answered 5xx in ten-second buckets over the last
/// five minutes. Lock-free counting per request; the alert-manager reads a sample with every evaluation.
/// </summary>
public sealed class ErrorRate(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Bucket = TimeSpan.FromSeconds(10);
    private static readonly int Buckets = (int)(Window / Bucket);

    private readonly long[] totals = new long[Buckets];
    private readonly long[] failures = new long[Buckets];
    private readonly long[] epochs = new long[Buckets];

    public void Count(bool failed)
    {
        var epoch = clock.GetUtcNow().UtcTicks / Bucket.Ticks;
        var i = (int)(epoch % Buckets);
        if (Interlocked.Exchange(ref epochs[i], epoch) != epoch)
        {
            // First request of a new bucket in this slot: the slot's old counts are from a bucket out of the window.
            Interlocked.Exchange(ref totals[i], 0);
            Interlocked.Exchange(ref failures[i], 0);
        }

        Interlocked.Increment(ref totals[i]);
        if (failed)
        {
            Interlocked.Increment(ref failures[i]);
        }
    }

    public ErrorRateSample Sample()
    {
        var now = clock.GetUtcNow().UtcTicks / Bucket.Ticks;
        long total = 0, failed = 0;
        for (var i = 0; i < Buckets; i++)
        {
            if (now - Volatile.Read(ref epochs[i]) < Buckets)
            {
                total += Volatile.Read(ref totals[i]);
                failed += Volatile.Read(ref failures[i]);
            }
        }

        return new ErrorRateSample("api", total, failed, Window);
    }
}

public static class ErrorRateMiddleware
{
    /// <summary>Counts every machine request's outcome for the error-rate rule (browser pages are not an API).</summary>
    public static IApplicationBuilder UseErrorRate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!RequestKinds.IsMachine(context.Request))
        {
            await next(context);
            return;
        }

        var rate = context.RequestServices.GetRequiredService<ErrorRate>();
        try
        {
            await next(context);
            rate.Count(context.Response.StatusCode >= 500);
        }
        catch
        {
            rate.Count(failed: true);
            throw;
        }
    });
}
