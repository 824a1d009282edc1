using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Data.Leases;

public static class LeasesModel
{
    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Lease>(e =>
    {
        e.ToTable("leases");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Holder).HasMaxLength(InstanceIdentity.MaxHolder);
    });
}
