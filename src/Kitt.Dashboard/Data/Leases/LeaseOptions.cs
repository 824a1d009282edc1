using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Data.Leases;

/// <summary>How long work that runs on one instance at a time is held, under <c>Leases:*</c>.</summary>
public sealed class LeaseOptions
{
    public const string Section = "Leases";

    /// <summary>
    /// Seconds a lease lasts unless renewed (renewed every third of it): how long the other instances wait before
    /// they take over the work of an instance that died. A graceful stop hands it over at once.
    /// </summary>
    [Range(3, 600)]
    public double Seconds { get; set; } = 15;

    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);
}
