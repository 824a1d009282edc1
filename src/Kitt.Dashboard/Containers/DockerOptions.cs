using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Containers;

public sealed class DockerOptions
{
    public const string Section = "Docker";

    [Required]

    public string Endpoint { get; set; } = "unix:///var/run/docker.sock";

    [Range(1, 3600)]

    public int PollSeconds { get; set; } = 3;

    /// <summary>Whether Operators and Admins may start, stop and restart containers; off for a read-only dashboard.</summary>
    public bool AllowActions { get; set; } = true;
}
