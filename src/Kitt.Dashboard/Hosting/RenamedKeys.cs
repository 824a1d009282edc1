using System.Globalization;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Hosting;

/// <summary>
/// Configuration keys that were renamed: the old key is still honoured where the new one is not set, and a start
/// that uses it logs a warning naming the new key, so a deployment can move at its own pace.
/// </summary>
public static class RenamedKeys
{
    public static readonly IReadOnlyList<(string Old, string New)> All =
    [
        ("Realtime:ContainerStats", "Features:ContainerStats"),
        ("Realtime:SessionEvents", "Features:SessionEvents"),
        ("Realtime:SystemAlerts", "Features:SystemAlerts"),
        // Named for what it turns off: the worker, not just the live updates.
        ("Realtime:Packing", "Features:PackingWorker"),
    ];

    /// <summary>Gives each option whose new key is not set the value of its old key, if that is set.</summary>
    public static OptionsBuilder<T> WithRenamedKeys<T>(this OptionsBuilder<T> options, string section)
        where T : class => options.PostConfigure<IConfiguration>((value, configuration) =>
        {
            foreach (var (old, renamed) in All.Where(k => k.New.StartsWith(section + ":", StringComparison.Ordinal)))
            {
                if (configuration[old] is { } legacy && configuration[renamed] is null
                    && typeof(T).GetProperty(renamed[(section.Length + 1)..]) is { } property)
                {
                    property.SetValue(value, Convert.ChangeType(legacy, property.PropertyType, CultureInfo.InvariantCulture));
                }
            }
        });

    public static void Warn(WebApplication app)
    {
        foreach (var (old, renamed) in All.Where(k => app.Configuration[k.Old] is not null))
        {
            app.Logger.LogWarning("Configuration key {Old} is deprecated: use {New}", old, renamed);
        }
    }
}
