using Kitt.Dashboard.Data;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.RouteNews;

/// <summary>Publishes route news that enters through this instance (WebSocket, MCP): into the outbox first, then on <c>routes</c>.</summary>
public sealed class RouteNewsPublisher(IDbContextFactory<KittDbContext> dbFactory, Outbox outbox, ITopicHub hub)
{
    public static string TopicOf(RouteEventKind kind) => kind == RouteEventKind.WeatherAlert ? EventTopics.WeatherAlerts : EventTopics.RouteUpdates;

    public async Task PublishAsync(RouteEvent e, string? correlationId = null, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            outbox.Add(db, TopicOf(e.Kind), e.Route, e.Type, e, correlationId);
            await db.SaveChangesAsync(cancellationToken);
        }

        outbox.Written();
        hub.Publish(RouteEvent.Topic, e);
    }
}
