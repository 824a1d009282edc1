using System.Text;
using Confluent.Kafka;
using Kitt.Dashboard.Events;

namespace Kitt.Testing;

/// <summary>
/// librdkafka's mock cluster: a real Kafka protocol server over TCP, hosted by a producer of its own; it lives as
/// long as this object. Separate clients (the app's, the test's) connect to it by its brokers' addresses.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private readonly IProducer<Null, Null> host;

    public KafkaMockCluster(int brokers = 1)
    {
        var config = new ProducerConfig();
        config.Set("test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        host = new ProducerBuilder<Null, Null>(config).Build();
        using var admin = new DependentAdminClientBuilder(host.Handle).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        BootstrapServers = string.Join(',', metadata.Brokers.Select(b => $"{b.Host}:{b.Port}"));
    }

    public string BootstrapServers { get; }

    /// <summary>App settings that point the dashboard at this cluster, with the short waits tests need.</summary>
    public Dictionary<string, string> AppSettings(string instance) => new()
    {
        ["Kafka:BootstrapServers"] = BootstrapServers,
        ["Kafka:InstanceId"] = instance,
        ["Kafka:Settings:fetch.wait.max.ms"] = "10",
        ["Kafka:Settings:session.timeout.ms"] = "6000",
        ["Kafka:Settings:heartbeat.interval.ms"] = "500",
        ["Kafka:Settings:topic.metadata.refresh.interval.ms"] = "500",
    };

    public IProducer<string, string> Producer() =>
        new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = BootstrapServers, EnableIdempotence = true, Acks = Acks.All }).Build();

    /// <summary>Produces as a freight system would: an envelope with an event id, no dashboard origin.</summary>
    public async Task ProduceAsync(IProducer<string, string> producer, string topic, string key, string envelope, string eventId) =>
        await producer.ProduceAsync(topic, new Message<string, string>
        {
            Key = key,
            Value = envelope,
            Headers = new Headers { { EventTopics.EventIdHeader, Encoding.UTF8.GetBytes(eventId) } },
        });

    /// <summary>Reads a topic from its start until <paramref name="until"/> holds or the time is up.</summary>
    public List<ConsumeResult<string, string>> ReadUntil(string topic, Func<List<ConsumeResult<string, string>>, bool> until, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = "test-reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            FetchWaitMaxMs = 10,
            SessionTimeoutMs = 6000,
        }).Build();
        consumer.Subscribe(topic);
        var read = new List<ConsumeResult<string, string>>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !until(read))
        {
            try
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result)
                {
                    read.Add(result);
                }
            }
            catch (ConsumeException ex) when (ex.Error.Code == ErrorCode.UnknownTopicOrPart)
            {
                // Not produced to yet: the topic is created by its first message.
            }
        }

        consumer.Close();
        return read;
    }

    public static string? Header(ConsumeResult<string, string> result, string name) =>
        result.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    public void Dispose() => host.Dispose();
}
