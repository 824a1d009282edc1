namespace Kitt.Dashboard.Data;

/// <summary>
/// Work a feature's stored data needs once after a migration, which SQL in a migration cannot do (say, words
/// computed in C#). Features register one for the providers that need it; start-up runs each after the migrations.
/// </summary>
public interface IDatabaseUpgrade
{
    /// <summary>What the upgrade does, as start-up reports its progress.</summary>
    string Describe { get; }

    /// <returns>How many rows it changed; 0 once done.</returns>
    Task<int> RunAsync(KittDbContext db, CancellationToken cancellationToken);
}
