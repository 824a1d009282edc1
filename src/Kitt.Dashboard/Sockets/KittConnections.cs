using System.Collections.Concurrent;
using System.Net.WebSockets;
using Kitt.Dashboard.Protocol;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Sockets;

/// <summary>
/// Every open KITT connection, by endpoint, and the one way to reach them. A broadcast is serialized once by the
/// caller and the same bytes are queued for every client; queuing never waits, so a slow client costs the others
/// nothing.
/// </summary>
public sealed class KittConnections(IOptions<KittOptions> options, TimeProvider clock)
{
    private readonly Dictionary<string, ConcurrentDictionary<string, KittConnection>> byEndpoint =
        KittEndpoint.All.ToDictionary(e => e.Name, _ => new ConcurrentDictionary<string, KittConnection>(StringComparer.Ordinal));

    // endpoint + client_id -> the connection that holds that name now.
    private readonly ConcurrentDictionary<(string Endpoint, string ClientId), KittConnection> byClient = new();

    private long received;
    private long sent;
    private long errors;
    private long dropped;
    private long silent;
    private long abusive;
    private long replaced;

    public int Count => byEndpoint.Values.Sum(c => c.Count);

    public IEnumerable<KittConnection> All => byEndpoint.Values.SelectMany(c => c.Select(pair => pair.Value));

    /// <summary>
    /// Adds a connection. A client_id already connected on the same endpoint is taken over by the newcomer (a client
    /// that reconnects after a network break must not be locked out by its own stale link): the old one is closed.
    /// </summary>
    /// <returns>False, adding nothing, when the client_id is connected under another API key.</returns>
    public bool TryAdd(KittConnection connection)
    {
        var key = (connection.Endpoint.Name, connection.ClientId);
        KittConnection? previous = null;
        var refused = false;
        byClient.AddOrUpdate(key, connection, (_, old) =>
        {
            refused = old.KeyId != connection.KeyId;
            previous = refused ? null : old;
            return refused ? old : connection;
        });
        if (refused)
        {
            return false;
        }

        byEndpoint[connection.Endpoint.Name][connection.Id] = connection;
        if (previous is not null && !ReferenceEquals(previous, connection))
        {
            Interlocked.Increment(ref replaced);
            previous.Close(WebSocketCloseStatus.PolicyViolation, "replaced by a newer connection with the same client_id");
        }

        return true;
    }

    public void Remove(KittConnection connection)
    {
        byEndpoint[connection.Endpoint.Name].TryRemove(connection.Id, out _);
        byClient.TryRemove(new KeyValuePair<(string, string), KittConnection>((connection.Endpoint.Name, connection.ClientId), connection));
    }

    public KittConnection? Find(string connectionId) =>
        byEndpoint.Values.Select(c => c.TryGetValue(connectionId, out var found) ? found : null).FirstOrDefault(c => c is not null);

    /// <returns>How many clients it was queued for.</returns>
    public int Broadcast(KittEndpoint endpoint, ReadOnlyMemory<byte> message)
    {
        var queued = 0;
        // Enumerating the dictionary itself takes no locks and copies nothing, unlike its Values.
        foreach (var (_, connection) in byEndpoint[endpoint.Name])
        {
            queued += Send(connection, message) == SendOutcome.Queued ? 1 : 0;
        }

        return queued;
    }

    public SendOutcome Send(KittConnection connection, ReadOnlyMemory<byte> message)
    {
        var outcome = connection.Send(message);
        if (outcome == SendOutcome.Queued)
        {
            Interlocked.Increment(ref sent);
        }
        else if (outcome == SendOutcome.Dropped)
        {
            Interlocked.Increment(ref dropped);
        }

        return outcome;
    }

    public void SendError(KittConnection connection, ErrorPayload error, string? correlationId)
    {
        Interlocked.Increment(ref errors);
        Send(connection, KittJson.Encode(KittTypes.Error, error, correlationId, clock.GetUtcNow()));
    }

    public void CountReceived() => Interlocked.Increment(ref received);

    /// <summary>Closes connections that sent nothing for longer than the silence allowed.</summary>
    public int CloseSilent(TimeSpan allowed)
    {
        var now = clock.GetUtcNow();
        var closed = 0;
        foreach (var connection in All)
        {
            if (!connection.IsClosing && now - connection.LastSeen >= allowed)
            {
                connection.Close(WebSocketCloseStatus.PolicyViolation, $"no message for {allowed.TotalSeconds:0} s; send a heartbeat every 20-30 s");
                closed++;
            }
        }

        Interlocked.Add(ref silent, closed);
        return closed;
    }

    public void CloseAbusive(KittConnection connection, string reason)
    {
        Interlocked.Increment(ref abusive);
        connection.Close(WebSocketCloseStatus.PolicyViolation, reason);
    }

    public KittStats Statistics()
    {
        var connections = All.OrderBy(c => c.ConnectedAt).ToList();
        return new KittStats(
            connections.Count,
            KittEndpoint.All.ToDictionary(e => e.Name, e => byEndpoint[e.Name].Count),
            [.. connections.Select(c => new KittConnectionDetail(c.Endpoint.Name, c.ClientId, c.User, c.ConnectedAt, c.LastHeartbeat, c.QueueDepth))],
            options.Value.SendQueueCapacity,
            connections.Sum(c => c.QueueDepth),
            Interlocked.Read(ref received),
            Interlocked.Read(ref sent),
            Interlocked.Read(ref errors),
            Interlocked.Read(ref dropped),
            Interlocked.Read(ref silent),
            Interlocked.Read(ref abusive),
            Interlocked.Read(ref replaced));
    }
}
