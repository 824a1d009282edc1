using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.HostMetrics;

/// <summary>
/// The host samples of the last <see cref="Window"/>, in memory, so a page opened now draws the recent past at once and
/// then follows the live topic. Bounded by time, and by count for a sampler faster than expected.
/// </summary>
public sealed class HostHistory(ITopicHub hub, TimeProvider clock) : TopicListener<HostSample>(hub, HostSample.Topic)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int MaxSamples = 2_000;
    private readonly Queue<HostSample> samples = new();
    private readonly Lock gate = new();

    /// <summary>The samples of the last 15 minutes, oldest first.</summary>
    public IReadOnlyList<HostSample> Recent()
    {
        lock (gate)
        {
            Trim(clock.GetUtcNow());
            return [.. samples];
        }
    }

    protected override void OnPublished(HostSample value)
    {
        lock (gate)
        {
            samples.Enqueue(value);
            Trim(value.At);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (samples.Count > 0 && (samples.Count > MaxSamples || samples.Peek().At < now - Window))
        {
            samples.Dequeue();
        }
    }
}
