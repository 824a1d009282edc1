using Kitt.Dashboard.Events;

namespace Kitt.Dashboard.Tests.Events;

/// <summary>
/// What the inbox remembers a consumed event by, where instances share it: a shipment request once for the platform,
/// a fan-out event once per instance, and never a key too long for the column.
/// </summary>
public sealed class InboxKeyTests
{
    [Fact]
    public void A_shipment_request_is_remembered_by_its_id_for_every_instance()
    {
        Assert.Equal("0123abcd", InboundEvents.InboxKey(EventTopics.ShipmentRequests, "0123abcd", "one"));
        Assert.Equal(InboundEvents.InboxKey(EventTopics.ShipmentRequests, "0123abcd", "one"), InboundEvents.InboxKey(EventTopics.ShipmentRequests, "0123abcd", "two"));
    }

    [Theory]
    [InlineData(EventTopics.OpsAlerts)]
    [InlineData(EventTopics.PackingResults)]
    [InlineData(EventTopics.RouteUpdates)]
    [InlineData(EventTopics.WeatherAlerts)]
    public void A_fan_out_event_is_remembered_once_per_instance(string topic)
    {
        var one = InboundEvents.InboxKey(topic, "0123abcd", "one");
        Assert.NotEqual(one, InboundEvents.InboxKey(topic, "0123abcd", "two"));
        Assert.Equal(one, InboundEvents.InboxKey(topic, "0123abcd", "one"));
        Assert.NotEqual(one, InboundEvents.InboxKey(topic, "0123abcE", "one"));
        Assert.Equal(64, one.Length);
    }

    [Fact]
    public void A_producers_long_id_fits_the_column()
    {
        var id = new string('x', 200);
        Assert.Equal(64, InboundEvents.InboxKey(EventTopics.ShipmentRequests, id, "one").Length);
        Assert.NotEqual(InboundEvents.InboxKey(EventTopics.ShipmentRequests, id, "one"), InboundEvents.InboxKey(EventTopics.ShipmentRequests, id + "y", "one"));
    }
}
