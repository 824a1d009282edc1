using System.Net.Sockets;
using Docker.DotNet;

namespace Kitt.Dashboard.Containers;

/// <summary>Turns what Docker.DotNet throws into a sentence an operator can act on, naming the endpoint.</summary>
public static class DockerFailure
{
    public static string Describe(Exception error, string endpoint)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case UnauthorizedAccessException:
                case SocketException { SocketErrorCode: SocketError.AccessDenied }:
                    return $"permission denied on the Docker engine at {endpoint}";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.AddressNotAvailable or SocketError.HostNotFound }:
                case FileNotFoundException:
                    return $"no Docker engine at {endpoint}";
                case DockerApiException api:
                    return $"the Docker engine at {endpoint} answered {(int)api.StatusCode}: {api.ResponseBody?.Trim()}";
                case TimeoutException or TaskCanceledException:
                    return $"the Docker engine at {endpoint} did not answer in time";
            }
        }

        return $"cannot reach the Docker engine at {endpoint}: {error.Message}";
    }

    /// <summary>A unix socket that isn't there needs no connection attempt to explain.</summary>
    public static string? MissingSocket(string endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != "unix")
        {
            return null;
        }

        return File.Exists(uri.LocalPath) ? null : $"no Docker engine at {endpoint}";
    }
}
