namespace Kitt.Dashboard.Containers;

public sealed class DockerOptions
{
    public const string Section = "Docker";

    public string Endpoint { get; set; } = "unix:///var/run/docker.sock";

    public int PollSeconds { get; set; } = 3;
}
