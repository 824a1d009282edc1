using System.Security.Cryptography;

namespace Kitt.Dashboard.Data.Leases;

/// <summary>
/// This instance as the shared store knows it: its configured name (<c>Kafka:InstanceId</c>, the machine name by
/// default) and, for leases and claimed jobs, that name with this process's own random tag, so a restarted
/// instance never mistakes the leases of its previous life for its own.
/// </summary>
public sealed class InstanceIdentity
{
    public const int MaxHolder = 128;

    public InstanceIdentity(string name)
    {
        Name = name;
        var tag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        Holder = $"{(name.Length > MaxHolder - 9 ? name[..(MaxHolder - 9)] : name)}/{tag}";
    }

    public string Name { get; }

    public string Holder { get; }
}
