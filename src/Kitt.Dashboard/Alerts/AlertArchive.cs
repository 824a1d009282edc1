using System.IO.Compression;
using System.Text.Json;
using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Alerts;

/// <summary>
/// Moves resolved alerts older than <see cref="HistoryOptions.AlertDays"/> out of the database into gzip JSON-lines
/// files under <see cref="HistoryOptions.AlertArchiveFolder"/>, each alert with its timeline. A batch is deleted only
/// after its file is complete on disk, so a crash in between leaves a duplicate, never a gap. Firing alerts stay.
/// </summary>
public sealed class AlertArchive(
    IDbContextFactory<KittDbContext> dbFactory,
    IOptions<HistoryOptions> options,
    TimeProvider clock,
    ILogger<AlertArchive> logger)
{
    public const int BatchSize = 5_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The number of alerts moved to the archive.</returns>
    public async Task<int> ArchiveAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().AddDays(-options.Value.AlertDays);
        var folder = Directory.CreateDirectory(options.Value.AlertArchiveFolder).FullName;
        var moved = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.Alerts.AsNoTracking().Include(a => a.Changes)
                .Where(a => a.State == AlertState.Resolved && a.FiredAt < before)
                .OrderBy(a => a.Id).Take(BatchSize).AsSplitQuery().ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var file = Path.Combine(folder, $"alerts-{batch[0].Id:D12}-{batch[^1].Id:D12}.jsonl.gz");
            await WriteAsync(file, batch, cancellationToken);

            var ids = batch.Select(a => a.Id).ToArray();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.AlertReads.Where(r => ids.Contains(r.AlertId)).ExecuteDeleteAsync(cancellationToken);
                await db.AlertChanges.Where(c => ids.Contains(c.AlertId)).ExecuteDeleteAsync(cancellationToken);
                await db.Alerts.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            moved += batch.Count;
            logger.LogInformation("Archived {Count} alerts fired before {Before:O} to {File}", batch.Count, before, file);
        }

        return moved;
    }

    /// <summary>Reads an archive file back: the alerts with their timelines, as they were stored.</summary>
    public static async IAsyncEnumerable<Alert> ReadAsync(string file)
    {
        await using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync() is { } line)
        {
            yield return JsonSerializer.Deserialize<Alert>(line, Json)!;
        }
    }

    private static async Task WriteAsync(string file, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        // Written aside and renamed when flushed to disk: a file under its final name is always whole.
        var partial = file + ".partial";
        await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            await using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            await using (var writer = new StreamWriter(gzip))
            {
                foreach (var alert in alerts)
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(alert, Json).AsMemory(), cancellationToken);
                }
            }

            output.Flush(flushToDisk: true);
        }

        File.Move(partial, file, overwrite: true);
    }
}
