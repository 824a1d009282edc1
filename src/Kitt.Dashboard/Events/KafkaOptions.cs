using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Events;

/// <summary>Kafka settings under <c>Kafka:*</c>. Without bootstrap servers, events travel on the in-process hub only.</summary>
public sealed class KafkaOptions
{
    public const string Section = "Kafka";

    public string? BootstrapServers { get; set; }

    /// <summary>
    /// Names one dashboard instance among several sharing a cluster: its consumer group for fan-out topics and the
    /// origin header of what it produces. Defaults to the host name, which a container keeps across restarts.
    /// </summary>
    [Required]
    public string InstanceId { get; set; } = Environment.MachineName;

    /// <summary>Prefix of the consumer groups: <c>{prefix}-work</c> shares requests, <c>{prefix}-{instance}</c> hears everything.</summary>
    [Required]
    public string GroupPrefix { get; set; } = "kitt-dashboard";

    /// <summary>Overrides of the topic names, keyed by their default names (e.g. <c>Kafka:Topics:ops.alerts</c>).</summary>
    public Dictionary<string, string> Topics { get; set; } = [];

    /// <summary>Further librdkafka settings for every client (security, timeouts), e.g. <c>Kafka:Settings:security.protocol</c>.</summary>
    public Dictionary<string, string> Settings { get; set; } = [];

    /// <summary>Outbox rows sent to the broker per round.</summary>
    [Range(1, 100_000)]
    public int RelayBatchSize { get; set; } = 500;

    public bool Enabled => !string.IsNullOrWhiteSpace(BootstrapServers);

    /// <summary>How component states name the cluster.</summary>
    public string Cluster => $"Kafka at {BootstrapServers}";

    public string TopicName(string topic) => Topics.TryGetValue(topic, out var name) && !string.IsNullOrWhiteSpace(name) ? name : topic;
}
