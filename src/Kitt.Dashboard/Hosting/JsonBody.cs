using System.Text.Json;
using Kitt.Packing;

namespace Kitt.Dashboard.Hosting;

/// <summary>
/// Reads a request's JSON body by hand rather than by binding, so a value of the wrong type is reported by its field
/// like any other problem, and a missing body says what was expected.
/// </summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="what">What the body is, for the error when it is missing ("a shipment").</param>
    public static async Task<(T? Body, FieldError? Error)> ReadAsync<T>(HttpRequest request, string what, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken) is { } body
                ? (body, null)
                : (null, new FieldError("body", $"{what} is required"));
        }
        catch (JsonException ex)
        {
            return (null, new FieldError(FieldOf(ex.Path), "is not valid JSON of the expected type" + (ex.LineNumber is { } l ? $" (line {l + 1})" : "")));
        }
    }

    /// <summary>A JSON path as a field name: <c>$.items[2].length</c> is <c>items[2].length</c>, the root is <c>body</c>.</summary>
    public static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$').TrimStart('.');
}
