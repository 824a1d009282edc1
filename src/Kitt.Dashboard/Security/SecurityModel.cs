using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Security;

/// <summary>The API key and sign-in session tables (accounts are ASP.NET Core Identity's), kept beside the feature so its schema reads in one place.</summary>
public static class SecurityModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SignInSession>(e =>
        {
            e.ToTable("sign_in_sessions");
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => x.ExpiresAt);
        });

        modelBuilder.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.Prefix).HasMaxLength(32);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.SecretHash).IsUnique();
            e.Ignore(x => x.IsActive);
        });
    }
}
