using System.Net.Sockets;

namespace Kitt.Dashboard.Containers;

/// <summary>A plain HttpClient to the engine (unix socket or tcp), for the long-lived stats streams.</summary>
internal static class EngineHttp
{
    public static HttpClient Create(string endpoint)
    {
        var uri = new Uri(endpoint);
        if (uri.Scheme != "unix")
        {
            return new HttpClient { BaseAddress = new UriBuilder("http", uri.Host, uri.Port).Uri, Timeout = Timeout.InfiniteTimeSpan };
        }

        var socketPath = uri.LocalPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://docker/"), Timeout = Timeout.InfiniteTimeSpan };
    }
}
