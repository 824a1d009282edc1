using System.Net.Sockets;
using Kitt.Dashboard.Containers;

namespace Kitt.Dashboard.Tests.Containers;

public sealed class DockerFailureTests
{
    [Fact]
    public void A_missing_unix_socket_names_the_endpoint()
    {
        var endpoint = $"unix://{Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "docker.sock")}";
        Assert.Equal($"no Docker engine at {endpoint}", DockerFailure.MissingSocket(endpoint));
    }

    [Fact]
    public void A_tcp_endpoint_is_not_judged_by_the_file_system()
    {
        Assert.Null(DockerFailure.MissingSocket("tcp://127.0.0.1:2375"));
    }

    [Fact]
    public void Refused_connections_say_no_engine()
    {
        var error = new HttpRequestException("failed", new SocketException((int)SocketError.ConnectionRefused));
        Assert.Equal("no Docker engine at tcp://127.0.0.1:1", DockerFailure.Describe(error, "tcp://127.0.0.1:1"));
    }

    [Fact]
    public void Access_denied_says_permission_denied()
    {
        var error = new HttpRequestException("failed", new UnauthorizedAccessException());
        Assert.StartsWith("permission denied", DockerFailure.Describe(error, "unix:///var/run/docker.sock"));
    }
}
