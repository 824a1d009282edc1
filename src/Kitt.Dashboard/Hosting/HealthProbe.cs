namespace Kitt.Dashboard.Hosting;

/// <summary>
/// <c>Kitt.Dashboard healthcheck [url]</c>: asks a running dashboard for its readiness and exits 0 only when it answers
/// 200. The container image's HEALTHCHECK uses it, so the image needs no curl. Without a URL it asks
/// <c>/health/ready</c> on the first port of <c>ASPNETCORE_HTTP_PORTS</c> (8080 when unset), so a container that
/// moves the port keeps a working check.
/// </summary>
public static class HealthProbe
{
    public const string Command = "healthcheck";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"{url}: {ex.Message}");
            return 1;
        }
    }

    public static string DefaultUrl(string? httpPorts)
    {
        var port = httpPorts?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return $"http://127.0.0.1:{(string.IsNullOrEmpty(port) ? "8080" : port)}/health/ready";
    }
}
