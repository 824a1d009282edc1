using Kitt.Dashboard.Data;

namespace Kitt.Dashboard.Alerts;

/// <summary>SQLite files from before alert search kept words get them, and their full-text index, once.</summary>
internal sealed class AlertWordsUpgrade : IDatabaseUpgrade
{
    public string Describe => "indexing the words of alerts stored before alert search kept them";

    public Task<int> RunAsync(KittDbContext db, CancellationToken cancellationToken) => AlertsFullText.IndexOlderAlertsAsync(db, cancellationToken);
}
