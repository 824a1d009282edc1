using System.Net.Http.Json;
using System.Text.Json;
using Confluent.Kafka;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Data;
using Kitt.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Tests.Events;

/// <summary>With the broker away the outbox holds every event; with the broker back each is delivered once, in order per key.</summary>
public sealed class KafkaOutageTests
{
    // Nothing listens on the discard port here: every connection is refused, as from a broker that is down.
    private const string NoBroker = "127.0.0.1:9";

    [Fact]
    public async Task Events_written_while_the_broker_is_away_wait_and_are_all_delivered_once_in_order_when_it_is_back()
    {
        using var database = new TestDatabase();
        var options = new KafkaOptions { BootstrapServers = NoBroker, InstanceId = "outage", Settings = { ["message.timeout.ms"] = "1500" } };
        var outbox = new Outbox(Options.Create(options), TimeProvider.System);
        const int Count = 300;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            for (var i = 0; i < Count; i++)
            {
                outbox.Add(db, EventTopics.RouteUpdates, $"route-{i % 5}", "route_update", new { Route = $"route-{i % 5}", Sequence = i });
            }

            await db.SaveChangesAsync();
        }

        var states = new ComponentStates(TimeProvider.System, NullLogger<ComponentStates>.Instance);
        var relay = new OutboxRelay(database.Factory, outbox, Options.Create(options), states, TimeProvider.System,
            new Kitt.Dashboard.Data.Leases.LeasedWork(new Kitt.Dashboard.Data.Leases.LeaseStore(database.Factory, new Kitt.Dashboard.Data.Leases.InstanceIdentity("test"), TimeProvider.System), Options.Create(new Kitt.Dashboard.Data.Leases.LeaseOptions()), TimeProvider.System, NullLogger<Kitt.Dashboard.Data.Leases.LeasedWork>.Instance),
            new OutboxMetrics(Kitt.Testing.TestMeters.Factory, database.Factory, TimeProvider.System), NullLogger<OutboxRelay>.Instance);
        using (var down = new ProducerBuilder<string, string>(KafkaClients.Producer(options)).Build())
        {
            var (sent, failure) = await relay.RelayOnceAsync(down, options, CancellationToken.None);
            Assert.Equal(0, sent);
            Assert.NotNull(failure);
        }

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            Assert.Equal(Count, await db.Outbox.CountAsync(e => e.SentAt == null && e.Attempts == 1 && e.LastError != null));
        }

        using var cluster = new KafkaMockCluster();
        options.BootstrapServers = cluster.BootstrapServers;
        using (var up = new ProducerBuilder<string, string>(KafkaClients.Producer(options)).Build())
        {
            var total = 0;
            for (var round = 0; round < 10 && total < Count; round++)
            {
                var (sent, failure) = await relay.RelayOnceAsync(up, options, CancellationToken.None);
                Assert.Null(failure);
                total += sent;
            }

            Assert.Equal(Count, total);
        }

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Outbox.CountAsync(e => e.SentAt == null));
        }

        var delivered = cluster.ReadUntil(EventTopics.RouteUpdates, r => r.Count >= Count, TimeSpan.FromSeconds(30));
        Assert.Equal(Count, delivered.Count);
        Assert.Equal(Count, delivered.Select(m => KafkaMockCluster.Header(m, EventTopics.EventIdHeader)).Distinct().Count());
        foreach (var key in delivered.GroupBy(m => m.Message.Key))
        {
            var sequence = key.OrderBy(m => m.Offset.Value).Select(m => EventEnvelope.TryParse(m.Message.Value)!.Payload.GetProperty("sequence").GetInt32()).ToList();
            Assert.Equal(sequence.Order(), sequence);
        }
    }

    [Fact]
    public async Task A_dashboard_whose_broker_is_down_keeps_working_reports_degraded_and_raises_an_alert()
    {
        var settings = new Dictionary<string, string>
        {
            ["Kafka:BootstrapServers"] = NoBroker,
            ["Kafka:Settings:message.timeout.ms"] = "1500",
        };
        await using var app = new ConfiguredAppFactory(settings);
        var client = app.CreateKeyClient(DashboardAppFactory.BootstrapKey);

        var created = await app.Services.GetRequiredService<ShipmentStore>().CreateAsync(KafkaRequests.Request("KAFKA-DOWN-1"), "test");
        Assert.True(created.Created);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string reason;
        while (true)
        {
            var health = await client.GetFromJsonAsync<JsonElement>("/health");
            // The relay reports the bus once it has tried the broker; until then the component is not listed.
            var bus = health.GetProperty("components").EnumerateArray().SingleOrDefault(c => c.GetProperty("name").GetString() == ComponentStates.EventBus);
            reason = bus.ValueKind == JsonValueKind.Object ? bus.GetProperty("reason").GetString() ?? "" : "";
            if (bus.ValueKind == JsonValueKind.Object && bus.GetProperty("state").GetString() == "degraded" && reason.Contains("wait in the outbox", StringComparison.Ordinal))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the event bus never said degraded: {reason}");
            await Task.Delay(250);
        }

        Assert.Contains(NoBroker, reason);
        while ((await client.GetFromJsonAsync<JsonElement>("/api/alerts?type=source_unavailable&source=event-bus")).GetProperty("total").GetInt32() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no alert for the event bus");
            await Task.Delay(250);
        }

        // The dashboard goes on: the shipment still packs.
        var store = app.Services.GetRequiredService<ShipmentStore>();
        while ((await store.GetAsync(created.Id!.Value))?.Status != ShipmentStatus.Packed)
        {
            Assert.True(DateTime.UtcNow < deadline, "the shipment did not pack while the broker was down");
            await Task.Delay(250);
        }
    }
}
