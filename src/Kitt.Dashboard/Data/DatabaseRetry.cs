using Kitt.Dashboard.Health;

namespace Kitt.Dashboard.Data;

/// <summary>
/// Runs a database step until it succeeds, for background services whose data must not be dropped: while the
/// database fails, the component is reported degraded with the reason, and the step is tried again every
/// <see cref="Delay"/>; once it succeeds, the component is running again.
/// </summary>
public static class DatabaseRetry
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    /// <param name="failing">What the component cannot do, as its degraded reason begins (e.g. "cannot write").</param>
    public static async Task<T> UntilDoneAsync<T>(
        Func<CancellationToken, Task<T>> step,
        ComponentStates states,
        string component,
        string failing,
        ILogger logger,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var result = await step(cancellationToken);
                states.Report(component, ComponentStatus.Running);
                return result;
            }
            catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
            {
                logger.LogWarning(ex, "{Component}: {Failing}; trying again in {Delay}", component, failing, Delay);
                states.Report(component, ComponentStatus.Degraded, $"{failing}: {ex.GetBaseException().Message}");
                await Task.Delay(Delay, clock, cancellationToken);
            }
        }
    }
}
