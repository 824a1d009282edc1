using System.Globalization;
using System.Text.Json;

namespace Kitt.Dashboard.Containers;

/// <summary>One container event as the engine's <c>/events</c> stream writes it (one JSON document a line).</summary>
/// <param name="Detail">What follows the action's colon: the new health of a <c>health_status</c>.</param>
internal sealed record RawEngineEvent(string Action, string ContainerId, string Name, DateTimeOffset At, long? ExitCode, string? Detail);

/// <summary>
/// Follows the engine's <c>/events</c> for containers until the stream ends or fails. Health changes arrive as
/// <c>health_status: healthy</c>; they are read as <c>health_status</c>.
/// </summary>
internal static class EngineEventStream
{
    private static readonly string Filters = Uri.EscapeDataString(JsonSerializer.Serialize(new Dictionary<string, string[]>
    {
        ["type"] = ["container"],
        ["event"] = [.. ContainerEngineEvent.Followed],
    }));

    /// <param name="connected">Called once the engine has answered, before the first event.</param>
    public static async IAsyncEnumerable<RawEngineEvent> FollowAsync(
        HttpClient engine,
        Action connected,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await engine.GetAsync($"events?filters={Filters}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        connected();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (Parse(line) is { } parsed)
            {
                yield return parsed;
            }
        }
    }

    public static RawEngineEvent? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (!root.TryGetProperty("Action", out var actionElement) || actionElement.GetString() is not { } action
            || !root.TryGetProperty("Actor", out var actor) || actor.GetProperty("ID").GetString() is not { } id)
        {
            return null;
        }

        var attributes = actor.TryGetProperty("Attributes", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        string? Attribute(string name) =>
            attributes.ValueKind == JsonValueKind.Object && attributes.TryGetProperty(name, out var v) ? v.GetString() : null;
        var at = root.TryGetProperty("timeNano", out var nano) && nano.TryGetInt64(out var ns)
            ? DateTimeOffset.UnixEpoch.AddTicks(ns / 100)
            : DateTimeOffset.UtcNow;
        var parts = action.Split(':', 2, StringSplitOptions.TrimEntries);
        return new RawEngineEvent(
            parts[0],
            id,
            Attribute("name") ?? id[..Math.Min(12, id.Length)],
            at,
            long.TryParse(Attribute("exitCode"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exit) ? exit : null,
            parts.Length > 1 ? parts[1] : null);
    }
}
