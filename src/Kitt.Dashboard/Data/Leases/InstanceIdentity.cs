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
        Lives = $"{(name.Length > MaxHolder - 9 ? name[..(MaxHolder - 9)] : name)}/";
        Holder = Lives + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    }

    public string Name { get; }

    public string Holder { get; }

    /// <summary>What every life of this instance's <see cref="Holder"/> starts with: leases and claims of an earlier life are this instance's to take back.</summary>
    public string Lives { get; }
}
