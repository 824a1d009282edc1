using Confluent.Kafka;

namespace Kitt.Dashboard.Events;

/// <summary>Client configurations from <see cref="KafkaOptions"/>: the same settings for every client, plus each role's must-haves.</summary>
internal static class KafkaClients
{
    public static ProducerConfig Producer(KafkaOptions options)
    {
        var config = new ProducerConfig(Common(options))
        {
            // No duplicates from producer retries and no reordering within a partition; acknowledged by every in-sync replica.
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
        };
        config.MessageTimeoutMs ??= 10_000; // a broker away this long fails the round: the outbox keeps the events
        return config;
    }

    public static ConsumerConfig Consumer(KafkaOptions options, string groupId, AutoOffsetReset reset) => new(Common(options))
    {
        GroupId = groupId,
        // Offsets are committed by hand, after the work is stored: at-least-once.
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = reset,
    };

    /// <summary>
    /// librdkafka's own log, which would otherwise go to standard error: a broker away logs a line per reconnect, so
    /// it is debug detail here; the component state and its alert say what matters.
    /// </summary>
    public static void Log(ILogger logger, LogMessage message) =>
        logger.LogDebug("librdkafka {Facility}: {Message}", message.Facility, message.Message);

    private static Dictionary<string, string> Common(KafkaOptions options)
    {
        var settings = new Dictionary<string, string>(options.Settings, StringComparer.Ordinal)
        {
            ["bootstrap.servers"] = options.BootstrapServers!,
        };
        settings.TryAdd("client.id", "kitt-dashboard-" + options.InstanceId);
        return settings;
    }
}
