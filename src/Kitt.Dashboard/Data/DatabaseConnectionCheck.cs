using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Data;

/// <summary>A server has no default address: with <c>Database:Provider</c> postgres, <c>ConnectionStrings:Kitt</c> is required.</summary>
internal sealed class DatabaseConnectionCheck(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        string.Equals(options.Provider, StoreProvider.Postgres, StringComparison.OrdinalIgnoreCase) &&
        configuration.GetConnectionString("Kitt") is not { Length: > 0 }
            ? ValidateOptionsResult.Fail("ConnectionStrings:Kitt is required when Database:Provider is postgres (for example Host=db;Database=kitt;Username=kitt;Password=…).")
            : ValidateOptionsResult.Success;
}
