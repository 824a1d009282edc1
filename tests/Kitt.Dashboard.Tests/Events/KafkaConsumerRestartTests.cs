using Kitt.Dashboard.Data;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Tests.Hosting;
using Kitt.Dashboard.Tests.Data;
using Kitt.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kitt.Dashboard.Tests.Events;

/// <summary>Shipment requests consumed across a restart: every one queued once, a redelivered event id skipped.</summary>
public sealed class KafkaConsumerRestartTests
{
    private const int Count = 30;

    [Fact]
    public async Task A_restarted_consumer_loses_no_request_and_handles_none_twice()
    {
        using var cluster = new KafkaMockCluster();
        using var file = new DatabaseFile();
        using (var producer = cluster.Producer())
        {
            for (var i = 0; i < Count; i++)
            {
                await cluster.ProduceAsync(producer, EventTopics.ShipmentRequests, $"c-{i}",
                    KafkaRequests.Envelope($"KAFKA-C-{i:D2}"), $"evt-c-{i}");
            }

            // The same event again, as a producer retry without idempotence would send it: it must not become a shipment.
            await cluster.ProduceAsync(producer, EventTopics.ShipmentRequests, "c-0",
                KafkaRequests.Envelope("KAFKA-C-DUP"), "evt-c-0");
        }

        var settings = cluster.AppSettings("dash-c");
        KafkaConsumers firstConsumers;
        await using (var first = new ConfiguredAppFactory(settings, file.Path))
        {
            _ = first.Server;
            firstConsumers = first.Services.GetRequiredService<KafkaConsumers>();
            await UntilAsync(first, n => n >= 5);
        }

        var handledBefore = firstConsumers.Handled; // read once stopped: it handles until then

        await using var second = new ConfiguredAppFactory(settings, file.Path);
        _ = second.Server;
        await UntilAsync(second, n => n >= Count);
        await Task.Delay(TimeSpan.FromSeconds(2)); // anything redelivered would be handled by now

        var references = (await second.Services.GetRequiredService<ShipmentStore>().ListAsync()).Select(s => s.Reference).Where(r => r.StartsWith("KAFKA-C-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"KAFKA-C-{i:D2}").Order(), references.Order());
        Assert.Equal(Count, handledBefore + second.Services.GetRequiredService<KafkaConsumers>().Handled);
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<KittDbContext>>().CreateDbContextAsync();
        Assert.Equal(Count, await db.Inbox.CountAsync(e => e.Topic == EventTopics.ShipmentRequests));
    }

    private static async Task UntilAsync(ConfiguredAppFactory app, Func<int, bool> enough)
    {
        var store = app.Services.GetRequiredService<ShipmentStore>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (!enough((await store.ListAsync()).Count(s => s.Reference.StartsWith("KAFKA-C-", StringComparison.Ordinal))))
        {
            Assert.True(DateTime.UtcNow < deadline, "the requests were not consumed in time");
            await Task.Delay(100);
        }
    }
}
