using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Shipments;

namespace Kitt.Dashboard.Tests.Events;

/// <summary>A small shipment that packs in milliseconds, as the dashboard stores it and as a freight system sends it.</summary>
internal static class KafkaRequests
{
    public static ShipmentRequest Request(string reference) => new()
    {
        Reference = reference,
        Origin = "Hamburg",
        Destination = "Kassel",
        Container = new ContainerInput { Length = 240, Width = 120, Height = 120, MaxPayloadKg = 2000 },
        Items = [new ItemInput { Sku = "BOX", Length = 40, Width = 30, Height = 30, WeightKg = 5, Quantity = 4 }],
    };

    /// <summary>The KITT <c>shipment_request</c> message a freight system produces: width, height, depth, weight.</summary>
    public static string Envelope(string reference) => Envelope(Request(reference));

    public static string Envelope(ShipmentRequest request) =>
        EventEnvelope.Serialize(KittTypes.ShipmentRequest, DateTimeOffset.UtcNow, request.ToPayload());

    /// <summary>Crates for two kinds of container, small first: 40 × 30 × 30 cm, six to the first, 24 to the second.</summary>
    public static ShipmentRequest TwoKinds(string reference)
    {
        var request = Request(reference);
        request.Container = null;
        request.Containers = [new ContainerInput { Length = 80, Width = 90, Height = 30, Count = 1 }, new ContainerInput { Length = 160, Width = 90, Height = 60 }];
        request.Items = [new ItemInput { Sku = "BOX", Length = 40, Width = 30, Height = 30, WeightKg = 5, Quantity = 10 }];
        return request;
    }
}
