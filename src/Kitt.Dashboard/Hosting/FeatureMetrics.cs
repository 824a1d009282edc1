using System.Diagnostics.Metrics;

namespace Kitt.Dashboard.Hosting;

/// <summary>
/// A feature's instruments on its own <see cref="Meter"/>, named <c>Kitt.Dashboard.&lt;Feature&gt;</c> so the
/// telemetry setup picks every one up by the prefix. Observable instruments exist once the object does, so the
/// telemetry setup creates each registered one at start.
/// </summary>
public interface IFeatureMetrics;

public static class FeatureMetrics
{
    /// <summary>Meters and activity sources of the dashboard's features all start with this.</summary>
    public const string Prefix = "Kitt.Dashboard";

    public static IServiceCollection AddFeatureMetrics<T>(this IServiceCollection services)
        where T : class, IFeatureMetrics
    {
        services.AddSingleton<T>();
        services.AddSingleton<IFeatureMetrics>(sp => sp.GetRequiredService<T>());
        return services;
    }

    public static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}

/// <summary>
/// A reading shared by the instruments of one scrape: several observable instruments read the same statistics, which
/// are taken once and reused for <paramref name="maxAge"/>, not once per instrument.
/// </summary>
public sealed class CachedReading<T>(Func<T> read, TimeSpan maxAge, TimeProvider clock)
{
    private readonly Lock gate = new();
    private T value = default!;
    private bool taken;
    private long takenAt;

    public T Read()
    {
        lock (gate)
        {
            var now = clock.GetTimestamp();
            if (!taken || clock.GetElapsedTime(takenAt, now) > maxAge)
            {
                value = read();
                (taken, takenAt) = (true, now);
            }

            return value;
        }
    }
}
