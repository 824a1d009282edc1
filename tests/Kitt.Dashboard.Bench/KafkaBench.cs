using System.Diagnostics;
using Confluent.Kafka;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Protocol;
using Kitt.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Bench;

/// <summary>
/// The outbox relay against librdkafka's mock cluster over TCP: (1) throughput of <c>events</c> written to the
/// outbox during a broker outage and relayed once it is back, against the same count produced straight to the
/// broker in the same run, with every delivered event id counted; (2) the latency one event adds by going through
/// the outbox (commit to consumer) against a direct produce to the same consumer.
/// </summary>
internal static class KafkaBench
{
    public static async Task<int> RunAsync(int events, int samples)
    {
        var folder = Directory.CreateTempSubdirectory("kitt-kafka-bench-").FullName;
        try
        {
            using var cluster = new KafkaMockCluster();
            var factory = new DbFactory(new Kitt.Dashboard.Data.Sqlite.SqliteStore(), $"Data Source={Path.Combine(folder, "kitt.db")}");
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            var options = new KafkaOptions
            {
                BootstrapServers = "127.0.0.1:9", // down: nothing listens there
                InstanceId = "bench",
                RelayBatchSize = 2000,
                Settings = { ["message.timeout.ms"] = "2000" },
                Topics = { [EventTopics.RouteUpdates] = "bench.outbox" },
            };
            var outbox = new Outbox(Options.Create(options), TimeProvider.System);
            var relay = new OutboxRelay(factory, outbox, Options.Create(options),
                new ComponentStates(TimeProvider.System, NullLogger<ComponentStates>.Instance), TimeProvider.System,
                new Kitt.Dashboard.Data.Leases.LeasedWork(new Kitt.Dashboard.Data.Leases.LeaseStore(factory, new Kitt.Dashboard.Data.Leases.InstanceIdentity("test"), TimeProvider.System), Options.Create(new Kitt.Dashboard.Data.Leases.LeaseOptions()), TimeProvider.System, NullLogger<Kitt.Dashboard.Data.Leases.LeasedWork>.Instance),
                new OutboxMetrics(Kitt.Testing.TestMeters.Factory, factory, TimeProvider.System), NullLogger<OutboxRelay>.Instance);

            var direct = await DirectAsync(cluster, events);
            Console.WriteLine($"baseline: {events:N0} events produced straight to the broker in {direct.TotalSeconds:0.00} s ({events / direct.TotalSeconds:N0}/s)");

            var write = Stopwatch.StartNew();
            await WriteAsync(factory, outbox, events);
            Console.WriteLine($"outage: {events:N0} events written to the outbox in {write.Elapsed.TotalSeconds:0.00} s while the broker is down");
            using (var down = new ProducerBuilder<string, string>(KafkaClients.Producer(options)).Build())
            {
                var (sent, failure) = await relay.RelayOnceAsync(down, options, CancellationToken.None);
                Console.WriteLine($"outage: a relay round against the dead broker sent {sent}: {failure}");
            }

            options.BootstrapServers = cluster.BootstrapServers;
            var drain = Stopwatch.StartNew();
            long relayed = 0;
            using (var up = new ProducerBuilder<string, string>(KafkaClients.Producer(options)).Build())
            {
                while (relayed < events)
                {
                    var (sent, failure) = await relay.RelayOnceAsync(up, options, CancellationToken.None);
                    if (failure is not null || sent == 0)
                    {
                        Console.WriteLine($"relay stopped early: {failure}");
                        return 1;
                    }

                    relayed += sent;
                }
            }

            drain.Stop();
            var ids = CountDelivered(cluster, "bench.outbox", events);
            Console.WriteLine($"recovery: relayed {relayed:N0} in {drain.Elapsed.TotalSeconds:0.00} s ({relayed / drain.Elapsed.TotalSeconds:N0}/s, " +
                              $"{drain.Elapsed.TotalSeconds / direct.TotalSeconds:0.0}x the direct time); on the topic: {ids.Total:N0} messages, {ids.Distinct:N0} distinct event ids");

            await LatencyAsync(cluster, factory, outbox, relay, options, samples);
            return ids.Distinct == events && ids.Total == events ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<TimeSpan> DirectAsync(KafkaMockCluster cluster, int events)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, EnableIdempotence = true, Acks = Acks.All, LingerMs = 5 }).Build();
        var payload = EventEnvelope.Serialize("route_update", DateTimeOffset.UtcNow, new { Route = "route-0", Sequence = 0 });
        var watch = Stopwatch.StartNew();
        var pending = new List<Task>(events);
        for (var i = 0; i < events; i++)
        {
            pending.Add(producer.ProduceAsync("bench.direct", new Message<string, string> { Key = $"route-{i % 50}", Value = payload }));
        }

        await Task.WhenAll(pending);
        return watch.Elapsed;
    }

    private static async Task WriteAsync(IDbContextFactory<KittDbContext> factory, Outbox outbox, int events)
    {
        for (var start = 0; start < events; start += 1000)
        {
            await using var db = factory.CreateDbContext();
            for (var i = start; i < Math.Min(events, start + 1000); i++)
            {
                outbox.Add(db, EventTopics.RouteUpdates, $"route-{i % 50}", "route_update", new { Route = $"route-{i % 50}", Sequence = i });
            }

            await db.SaveChangesAsync();
        }
    }

    private static (int Total, int Distinct) CountDelivered(KafkaMockCluster cluster, string topic, int expected)
    {
        var read = cluster.ReadUntil(topic, r => r.Count >= expected, TimeSpan.FromMinutes(2));
        return (read.Count, read.Select(m => KafkaMockCluster.Header(m, EventTopics.EventIdHeader)).Distinct().Count());
    }

    private static async Task LatencyAsync(KafkaMockCluster cluster, IDbContextFactory<KittDbContext> factory, Outbox outbox, OutboxRelay relay, KafkaOptions options, int samples)
    {
        await relay.StartAsync(CancellationToken.None);
        using var direct = new ProducerBuilder<string, string>(KafkaClients.Producer(options)).Build();
        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers, GroupId = "bench-latency", FetchWaitMaxMs = 1, EnableAutoCommit = false,
        }).Build();
        consumer.Assign([new TopicPartitionOffset("bench.outbox", 0, Offset.End), new TopicPartitionOffset("bench.direct", 0, Offset.End)]);
        consumer.Consume(TimeSpan.FromMilliseconds(500)); // settles the assignment at the ends

        var viaOutbox = new List<double>();
        var straight = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var db = factory.CreateDbContext())
            {
                outbox.Add(db, EventTopics.RouteUpdates, "latency", "route_update", new { Route = "latency", Sequence = i });
                await db.SaveChangesAsync();
            }

            outbox.Written();
            Await(consumer, "bench.outbox");
            viaOutbox.Add(watch.Elapsed.TotalMilliseconds);

            watch.Restart();
            await direct.ProduceAsync("bench.direct", new Message<string, string> { Key = "latency", Value = "" });
            Await(consumer, "bench.direct");
            straight.Add(watch.Elapsed.TotalMilliseconds);
        }

        await relay.StopAsync(CancellationToken.None);
        consumer.Close();
        Console.WriteLine($"latency, commit to consumer, {samples} events one at a time: via the outbox p50 {Percentiles.Median(viaOutbox):0.0} ms, p99 {Percentiles.Of(viaOutbox, 99):0.0} ms; " +
                          $"produced directly p50 {Percentiles.Median(straight):0.0} ms, p99 {Percentiles.Of(straight, 99):0.0} ms; " +
                          $"added by the outbox (p50) {Percentiles.Median(viaOutbox) - Percentiles.Median(straight):0.0} ms");
    }

    private static void Await(IConsumer<string, string> consumer, string topic)
    {
        while (consumer.Consume(TimeSpan.FromSeconds(10)) is { } result && result.Topic != topic)
        {
        }
    }
}
