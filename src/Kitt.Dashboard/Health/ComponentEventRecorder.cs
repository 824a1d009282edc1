using Kitt.Dashboard.Data;

namespace Kitt.Dashboard.Health;

/// <summary>Stores every component state transition, batching bursts into one write.</summary>
public sealed class ComponentEventRecorder(ComponentStates states, StoreWriter store) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = states.Transitions;
        var batch = new List<ComponentEvent>();
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < 256 && reader.TryRead(out var state))
            {
                batch.Add(new ComponentEvent { Component = state.Name, Status = state.Status, Reason = state.Reason, At = state.Since });
            }

            await store.WriteAsync(batch, "component transitions", stoppingToken);
            batch.Clear();
        }
    }
}
