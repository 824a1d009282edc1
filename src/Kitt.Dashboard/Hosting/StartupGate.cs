namespace Kitt.Dashboard.Hosting;

public static class StartupGate
{
    /// <summary>How long a request waits for a short start before it is told to come back.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Until the start-up work is done only the probes (<c>/health…</c>) answer at once. Anything else waits for a
    /// short start (a new or small database) and is answered 503 with <c>Retry-After</c> during a long one, naming
    /// what the start-up is doing, rather than reaching a store that is still being migrated.
    /// </summary>
    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        var work = app.ApplicationServices.GetRequiredService<StartupWork>();
        return app.Use(async (context, next) =>
        {
            if (!work.IsReady && !context.Request.Path.StartsWithSegments("/health"))
            {
                await Task.WhenAny(work.Ready, Task.Delay(Patience, context.RequestAborted));
                if (!work.IsReady)
                {
                    context.Response.Headers.RetryAfter = "5";
                    await Results.Problem(
                        statusCode: StatusCodes.Status503ServiceUnavailable,
                        title: "The dashboard is starting.",
                        detail: work.Stage).ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
    }
}
