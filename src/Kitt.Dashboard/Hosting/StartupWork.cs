namespace Kitt.Dashboard.Hosting;

/// <summary>
/// Runs the start-up steps after Kestrel listens, then starts the features' background services, and tells the
/// readiness probe where it is. A failed step is fatal: it is logged, the host stops and the process exits 1, so an
/// orchestrator restarts it and the log says why.
/// </summary>
public sealed class StartupWork(
    IReadOnlyList<IStartupStep> steps,
    Func<IReadOnlyList<IHostedService>> deferredServices,
    IHostApplicationLifetime lifetime,
    ILogger<StartupWork> logger) : BackgroundService
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IHostedService> started = [];
    private volatile string stage = "waiting for the host";
    private volatile bool serviceFailed;

    /// <summary>Completes when every step ran and every background service started; faults when a step failed.</summary>
    public Task Ready => ready.Task;

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    /// <summary>What the start-up is doing now, or why it failed.</summary>
    public string Stage => stage;

    /// <summary>The process's exit code once the host has stopped: 1 when the start-up failed.</summary>
    public int ExitCode => ready.Task.IsFaulted || serviceFailed ? 1 : 0;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        for (var i = started.Count - 1; i >= 0; i--)
        {
            await started[i].StopAsync(cancellationToken);
        }
    }

    // Off the host's start: SQLite's async calls run synchronously, and the host waits for this method's first await.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => RunAsync(stoppingToken), stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var step in steps)
            {
                stage = step.Stage;
                logger.LogInformation("Start-up: {Stage}", step.Stage);
                await step.RunAsync(new InlineProgress(now => stage = now), stoppingToken);
            }

            stage = "starting the background services";
            foreach (var service in deferredServices())
            {
                await service.StartAsync(stoppingToken);
                started.Add(service);
                Watch(service);
            }

            stage = "ready";
            ready.TrySetResult();
            logger.LogInformation("Start-up done: ready");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            ready.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex)
        {
            stage = $"start-up failed while {stage}: {ex.GetBaseException().Message}";
            logger.LogCritical(ex, "Start-up failed: {Stage}", stage);
            ready.TrySetException(ex);
            lifetime.StopApplication();
        }
    }

    /// <summary>A background service that dies would stop the host had the host started it; so it does here too.</summary>
    private void Watch(IHostedService service)
    {
        if (service is BackgroundService { ExecuteTask: { } task })
        {
            _ = task.ContinueWith(
                t =>
                {
                    serviceFailed = true;
                    logger.LogCritical(t.Exception, "{Service} stopped with an error; stopping the dashboard", service.GetType().Name);
                    lifetime.StopApplication();
                },
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
        }
    }

    /// <summary>Progress that sets the stage at once (<see cref="Progress{T}"/> posts it to the thread pool later).</summary>
    private sealed class InlineProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
