using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Sockets;

/// <summary>Every <c>Kitt:HeartbeatCheckSeconds</c> on the app's clock, closes connections silent for too long.</summary>
internal sealed class KittHeartbeatMonitor(
    KittConnections connections,
    IOptions<KittOptions> options,
    TimeProvider clock,
    ILogger<KittHeartbeatMonitor> logger) : IHostedService, IDisposable
{
    private ITimer? timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.HeartbeatCheckSeconds);
        timer = clock.CreateTimer(_ => Check(), null, every, every);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose() => timer?.Dispose();

    private void Check()
    {
        var closed = connections.CloseSilent(TimeSpan.FromSeconds(options.Value.SilentSeconds));
        if (closed > 0)
        {
            logger.LogInformation("Closed {Count} silent WebSocket connections", closed);
        }
    }
}
