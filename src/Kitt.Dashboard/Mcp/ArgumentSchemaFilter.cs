using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kitt.Dashboard.Mcp;

/// <summary>
/// Checks a call's arguments against the tool's input schema before they are bound to the method. Binding would
/// fail on a missing argument or a value of the wrong type with a message that names nothing; this names the
/// argument, down to the field of a list item (<c>items[0].length</c>), and answers with a tool error.
/// </summary>
public static class ArgumentSchemaFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Check(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is McpServerTool tool)
            {
                var problems = new List<string>();
                var arguments = context.Params?.Arguments ?? new Dictionary<string, JsonElement>();
                CheckObject(tool.ProtocolTool.InputSchema, name => arguments.TryGetValue(name, out var v) ? v : null, arguments.Keys, "", problems);
                if (problems.Count > 0)
                {
                    return ValueTask.FromResult(new CallToolResult
                    {
                        IsError = true,
                        Content = [new TextContentBlock { Text = "Invalid arguments: " + string.Join("; ", problems) }],
                    });
                }
            }

            return next(context, cancellationToken);
        };

    private static void CheckObject(JsonElement schema, Func<string, JsonElement?> valueOf, IEnumerable<string> present, string path, List<string> problems)
    {
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => valueOf(n) is null))
            {
                problems.Add($"'{path}{name}' is required");
            }
        }

        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var name in present)
        {
            if (properties.TryGetProperty(name, out var property) && valueOf(name) is { } value)
            {
                CheckValue(property, value, path + name, problems);
            }
        }
    }

    private static void CheckValue(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        var allowed = TypesOf(schema);
        if (allowed.Count > 0 && !allowed.Any(t => Matches(t, value)))
        {
            problems.Add($"'{path}' must be {string.Join(" or ", allowed)}, got {Describe(value)}");
            return;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, name => value.TryGetProperty(name, out var v) ? v : null,
                value.EnumerateObject().Select(p => p.Name), path + ".", problems);
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var element in value.EnumerateArray())
            {
                CheckValue(items, element, $"{path}[{index++}]", problems);
            }
        }
    }

    private static List<string> TypesOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.String ? [type.GetString()!]
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
        : [];

    private static bool Matches(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
