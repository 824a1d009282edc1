using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Protocol;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Sockets;

/// <summary>
/// Reads a connection's messages one at a time and answers each bad one with an error, keeping the connection open;
/// only a client that keeps flooding after being told is closed.
/// </summary>
internal sealed class KittReceiver(
    KittConnections connections,
    KittMessageHandler handler,
    ErrorRate errorRate,
    IOptions<KittOptions> options,
    TimeProvider clock,
    ILogger<KittReceiver> logger)
{
    public async Task RunAsync(KittConnection connection)
    {
        var settings = options.Value;
        var budget = new MessageBudget(clock, settings.MessagesPerSecond, settings.AbuseLimit, TimeSpan.FromSeconds(settings.AbuseWindowSeconds));
        var socket = connection.Socket;
        var token = connection.Aborted;
        var limit = settings.MaxMessageBytes;
        while (true)
        {
            // An idle connection holds no buffer: wait for the first byte of a message before renting one.
            var probe = await socket.ReceiveAsync(Memory<byte>.Empty, token);
            if (probe.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
            try
            {
                var length = 0;
                ValueWebSocketReceiveResult frame;
                do
                {
                    // Past the limit the rest of the message is read over the buffer and thrown away.
                    var space = length <= limit ? buffer.AsMemory(length, limit + 1 - length) : buffer.AsMemory();
                    frame = await socket.ReceiveAsync(space, token);
                    if (frame.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    length = Math.Min(length + frame.Count, limit + 1);
                }
                while (!frame.EndOfMessage);

                if (connection.IsClosing)
                {
                    // Closing: what the client still sends is read and dropped until its close frame (or the grace
                    // period's cut). Leaving it unread would make the server's TCP stack reset the link, and the
                    // client could lose the close frame that tells it why.
                    continue;
                }

                await HandleAsync(connection, budget, buffer.AsMemory(0, length), length > limit, token);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private async Task HandleAsync(KittConnection connection, MessageBudget budget, ReadOnlyMemory<byte> message, bool tooLarge, CancellationToken token)
    {
        connections.CountReceived();
        connection.Seen(heartbeat: false);
        switch (budget.Take())
        {
            case MessageBudget.Verdict.Abusive:
                errorRate.Count(failed: true);
                connections.CloseAbusive(connection, $"rate limit of {options.Value.MessagesPerSecond} messages/s exceeded repeatedly");
                return;
            case MessageBudget.Verdict.Refused:
                Fail(connection, new ErrorPayload
                {
                    Code = KittErrors.RateLimited,
                    Message = $"more than {options.Value.MessagesPerSecond} messages/s; this message was not processed",
                }, null);
                return;
        }

        if (tooLarge)
        {
            var limit = options.Value.MaxMessageBytes.ToString(CultureInfo.InvariantCulture);
            Fail(connection, new ErrorPayload { Code = KittErrors.MessageTooLarge, Message = $"message is larger than {limit} bytes and was skipped" }, null);
            return;
        }

        var inbound = KittParser.Parse(message, connection.Endpoint);
        if (inbound.Error is { } invalid)
        {
            Fail(connection, invalid, inbound.CorrelationId);
            return;
        }

        ErrorPayload? error;
        try
        {
            error = await handler.HandleAsync(connection, inbound.Type!, inbound.Payload!, inbound.CorrelationId, token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            logger.LogWarning(ex, "A {Type} message from {ClientId} could not be handled", inbound.Type, connection.ClientId);
            error = new ErrorPayload { Code = KittErrors.Internal, Message = $"the {inbound.Type} message could not be handled; try again later" };
        }

        if (error is not null)
        {
            Fail(connection, error, inbound.CorrelationId);
            return;
        }

        errorRate.Count(failed: false);
    }

    private void Fail(KittConnection connection, ErrorPayload error, string? correlationId)
    {
        errorRate.Count(failed: true);
        connections.SendError(connection, error, correlationId);
    }
}
