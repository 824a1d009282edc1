using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Kitt.Dashboard.Hosting;

/// <summary>
/// The reverse proxies in front of the dashboard (<c>Proxy:*</c>). Only a request arriving from one of them may say,
/// in <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c>, who the client is; anyone else's headers are ignored.
/// With neither list set, no forwarded header is read at all.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxy";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR form, e.g. <c>172.18.0.0/16</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Length; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return new ValidationResult($"must be an IP address, got '{KnownProxies[i]}'", [$"{nameof(KnownProxies)}:{i}"]);
            }
        }

        for (var i = 0; i < KnownNetworks.Length; i++)
        {
            if (!IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                yield return new ValidationResult($"must be a network in CIDR form such as 10.0.0.0/8, got '{KnownNetworks[i]}'", [$"{nameof(KnownNetworks)}:{i}"]);
            }
        }
    }
}
