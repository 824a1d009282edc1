using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Data;

/// <summary>Which database the dashboard keeps its facts in, under <c>Database:*</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// <c>sqlite</c> (a file on this machine, the default) or <c>postgres</c> (a server several instances share);
    /// <c>ConnectionStrings:Kitt</c> says where either is.
    /// </summary>
    [Required]
    [RegularExpression("(?i)^(sqlite|postgres)$", ErrorMessage = "Database:Provider must be sqlite or postgres.")]
    public string Provider { get; set; } = StoreProvider.Sqlite;
}
