using System.Text.Json;
using Kitt.Dashboard.Alerts.Notifications;
using Kitt.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Alerts.Silencing;

/// <summary>
/// Creates, lists, extends and expires silences, and answers whether one silences an alert. The silences in force are
/// held in a <see cref="SilenceIndex"/>, read again after every change here and at least every
/// <see cref="Refresh"/> (changes made on another instance), so matching never waits on the store.
/// </summary>
public sealed class Silences(IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(365);

    public const int MaxMatchers = 20;

    private volatile SilenceIndex index = SilenceIndex.Empty;
    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    public SilenceIndex Current => index;

    /// <summary>The silence that silences an alert with <paramref name="labels"/> now, if any.</summary>
    public long? Match(IReadOnlyDictionary<string, string> labels) => index.Match(labels, clock.GetUtcNow());

    /// <summary>Reads the silences again when the last read is older than <see cref="Refresh"/>.</summary>
    public async Task RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - readAt >= Refresh)
        {
            await LoadAsync(cancellationToken);
        }
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<Silence>().AsNoTracking().Where(s => s.EndsAt > now).ToListAsync(cancellationToken);
        index = new SilenceIndex(rows.Select(s => (s.Id, s.StartsAt, s.EndsAt, (IReadOnlyList<Matcher>)[.. MatchersOf(s).Select(ToMatcher)])));
        readAt = now;
    }

    public async Task<IReadOnlyList<SilenceView>> ListAsync(bool expired, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<Silence>().AsNoTracking();
        if (!expired)
        {
            rows = rows.Where(s => s.EndsAt > now);
        }

        var list = await rows.OrderByDescending(s => s.EndsAt).Take(1000).ToListAsync(cancellationToken);
        return [.. list.Select(s => View(s, now))];
    }

    public async Task<SilenceView?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Silence>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } s ? View(s, clock.GetUtcNow()) : null;
    }

    /// <returns>The silence, or the problems by field (<c>matchers[0].value</c>, <c>endsAt</c>, <c>comment</c>).</returns>
    public async Task<(SilenceView? Silence, Dictionary<string, string[]> Problems)> CreateAsync(SilenceRequest request, string author, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var starts = request.StartsAt ?? now;
        var problems = Check(request.Matchers, starts, request.EndsAt, request.Comment, now);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var silence = new Silence
        {
            Matchers = JsonSerializer.Serialize(request.Matchers, NotifiedAlert.Json),
            StartsAt = starts,
            EndsAt = request.EndsAt!.Value,
            CreatedBy = author,
            Comment = request.Comment!.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Add(silence);
            await db.SaveChangesAsync(cancellationToken);
        }

        await LoadAsync(cancellationToken);
        return (View(silence, now), problems);
    }

    /// <summary>"Silence for some hours" from an alert, wherever it shows: that alert's rule on its source.</summary>
    public Task<(SilenceView? Silence, Dictionary<string, string[]> Problems)> SilenceRuleOnSourceAsync(
        long alertId, string type, string source, string title, TimeSpan length, string author, CancellationToken cancellationToken) =>
        CreateAsync(new SilenceRequest([new("alertname", type), new("source", source)], null, clock.GetUtcNow() + length, $"Silenced from alert {alertId}: {title}"),
            author, cancellationToken);

    /// <summary>A new end (extend, shorten, or now to expire) and comment for a silence not expired yet.</summary>
    /// <returns>Null when there is no such silence; the problems when the change cannot be made.</returns>
    public async Task<(SilenceView? Silence, Dictionary<string, string[]> Problems)?> ChangeAsync(long id, SilenceChange change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<Silence>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } silence)
        {
            return null;
        }

        var problems = new Dictionary<string, string[]>();
        if (silence.EndsAt <= now)
        {
            problems["endsAt"] = ["the silence has expired; create a new one"];
        }
        else if (change.EndsAt is { } ends && (ends < now || ends <= silence.StartsAt || ends - silence.StartsAt > MaxLength))
        {
            problems["endsAt"] = [$"must be after the start and now, and within {MaxLength.TotalDays:0} days of the start"];
        }

        if (change.Comment is { } comment && (comment.Trim().Length == 0 || comment.Length > 1000))
        {
            problems["comment"] = ["must have 1 to 1000 characters"];
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        silence.EndsAt = change.EndsAt ?? silence.EndsAt;
        silence.Comment = change.Comment?.Trim() ?? silence.Comment;
        silence.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return (View(silence, now), problems);
    }

    /// <summary>Ends a silence now.</summary>
    public async Task<SilenceView?> ExpireAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<Silence>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } silence)
        {
            return null;
        }

        if (silence.EndsAt > now)
        {
            (silence.EndsAt, silence.UpdatedAt) = (now < silence.StartsAt ? silence.StartsAt : now, now);
            await db.SaveChangesAsync(cancellationToken);
            await LoadAsync(cancellationToken);
        }

        return View(silence, now);
    }

    private static Dictionary<string, string[]> Check(IReadOnlyList<SilenceMatcher>? matchers, DateTimeOffset starts, DateTimeOffset? ends, string? comment, DateTimeOffset now)
    {
        var problems = new Dictionary<string, string[]>();
        if (matchers is not { Count: > 0 })
        {
            problems["matchers"] = ["at least one matcher is needed, e.g. { \"name\": \"source\", \"value\": \"web-1\" }"];
        }
        else if (matchers.Count > MaxMatchers)
        {
            problems["matchers"] = [$"at most {MaxMatchers} matchers"];
        }
        else
        {
            for (var i = 0; i < matchers.Count; i++)
            {
                var m = matchers[i];
                if (m?.Name is null || m.Value is null)
                {
                    problems[$"matchers[{i}]"] = ["needs a name and a value"];
                    continue;
                }

                try
                {
                    var matcher = ToMatcher(m);
                    if (matcher.Matches(new Dictionary<string, string>()) && matchers.Count == 1)
                    {
                        problems[$"matchers[{i}]"] = ["matches alerts without labels too: it would silence everything"];
                    }
                }
                catch (ArgumentException ex)
                {
                    problems[$"matchers[{i}].{(ex.Message.Contains("label name", StringComparison.Ordinal) ? "name" : "value")}"] = [ex.Message];
                }
            }
        }

        if (ends is not { } end)
        {
            problems["endsAt"] = ["is required"];
        }
        else if (end <= starts || end <= now)
        {
            problems["endsAt"] = ["must be after startsAt and after now"];
        }
        else if (end - starts > MaxLength)
        {
            problems["endsAt"] = [$"must be within {MaxLength.TotalDays:0} days of startsAt"];
        }

        if (string.IsNullOrWhiteSpace(comment) || comment.Length > 1000)
        {
            problems["comment"] = ["must have 1 to 1000 characters: say why"];
        }

        return problems;
    }

    private static Matcher ToMatcher(SilenceMatcher m) => Matcher.Create(m.Name, m.Value, m.IsRegex, m.IsEqual);

    private static IReadOnlyList<SilenceMatcher> MatchersOf(Silence s) =>
        JsonSerializer.Deserialize<List<SilenceMatcher>>(s.Matchers, NotifiedAlert.Json) ?? [];

    private static SilenceView View(Silence s, DateTimeOffset now) => new(
        s.Id, MatchersOf(s), s.StartsAt, s.EndsAt, s.CreatedBy, s.Comment, s.CreatedAt, s.UpdatedAt,
        s.EndsAt <= now ? "expired" : s.StartsAt > now ? "pending" : "active");
}
