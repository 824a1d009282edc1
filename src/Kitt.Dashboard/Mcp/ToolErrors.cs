using System.Text.Json;
using Kitt.Packing;
using ModelContextProtocol;

namespace Kitt.Dashboard.Mcp;

/// <summary>
/// Tool failures a client can act on. An <see cref="McpException"/> reaches the client as a tool result marked as
/// an error with this message, so a model can correct its arguments and call again; every message names the argument.
/// </summary>
public static class ToolErrors
{
    public static McpException Invalid(string argument, string problem) => new($"Invalid argument '{argument}': {problem}");

    public static McpException NotFound(string argument, string what) => new($"Not found ('{argument}'): {what}");

    /// <summary>The server cannot take the call now; the same call may succeed shortly.</summary>
    public static McpException Busy(string why) => new($"Busy: {why}");

    /// <summary>Every problem at once, so a client fixes its call in one go rather than one field per round trip.</summary>
    public static McpException Invalid(IEnumerable<FieldError> errors) =>
        new("Invalid arguments: " + string.Join("; ", errors.Select(e => $"'{ArgumentName(e.Field)}' {e.Message}")));

    /// <summary>
    /// Fields are named as the shipment rules name them in REST JSON (<c>items[0].weightKg</c>); tool arguments are
    /// spelled in snake case (<c>items[0].weight_kg</c>).
    /// </summary>
    public static string ArgumentName(string field) =>
        string.Join('.', field.Split('.').Select(part =>
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            return bracket < 0
                ? JsonNamingPolicy.SnakeCaseLower.ConvertName(part)
                : JsonNamingPolicy.SnakeCaseLower.ConvertName(part[..bracket]) + part[bracket..];
        }));
}
