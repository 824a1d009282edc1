using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Hosting;

/// <summary>
/// Checks every validated option before the app touches its database or opens a port, so a bad value stops the start
/// with one line per problem naming its key, instead of surfacing later as odd behaviour.
/// </summary>
public static class ConfigurationCheck
{
    /// <returns>False, after writing each problem to standard error and the log, when the configuration is refused.</returns>
    public static bool Passes(WebApplication app)
    {
        IReadOnlyList<string> problems;
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (OptionsValidationException ex)
        {
            problems = [.. ex.Failures];
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            problems = [.. ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder's own message names the key and the type it expected.
            problems = [ex.Message];
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine("Configuration error: " + problem);
            app.Logger.LogCritical("Configuration error: {Problem}", problem);
        }

        return false;
    }
}
