using System.Globalization;

namespace Kitt.Dashboard.Alerts;

public enum AlertSort
{
    FiredAt,
    Severity,
    Source,
    Type,
}

/// <summary>
/// The filters of the history page, the sidebar and <c>GET /api/alerts</c>, one definition for all three. Parsed
/// from query strings with errors that name the parameter.
/// </summary>
public sealed record AlertFilter(
    IReadOnlyList<AlertSeverity> Severities,
    string? Type = null,
    string? Source = null,
    AlertState? State = null,
    string? Text = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool? Unread = null,
    int Skip = 0,
    int Take = 50,
    AlertSort Sort = AlertSort.FiredAt,
    bool Descending = true)
{
    public const int MaxTake = 1000;

    public static readonly AlertFilter All = new([]);

    /// <summary>
    /// One of the enum's names, in any case: never a number (<c>sort=5</c>) or a list of flags (<c>sort=Severity,Source</c>),
    /// which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would take.
    /// </summary>
    public static bool TryName<T>(string text, out T value)
        where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    public static bool TryParse(IQueryCollection query, out AlertFilter filter, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var problems = errors;
        string? One(string name) => query.TryGetValue(name, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[^1]) ? v[^1]!.Trim() : null;
        void Problem(string name, string message) => problems[name] = [message];

        var severities = new List<AlertSeverity>();
        foreach (var part in (One("severity") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryName<AlertSeverity>(part, out var s))
            {
                severities.Add(s);
            }
            else
            {
                Problem("severity", $"Unknown severity '{part}': use info, warning, error or critical (comma-separated).");
            }
        }

        AlertState? state = null;
        if (One("state") is { } stateText)
        {
            if (TryName<AlertState>(stateText, out var st))
            {
                state = st;
            }
            else
            {
                Problem("state", $"Unknown state '{stateText}': use firing or resolved.");
            }
        }

        var from = Time("from");
        var to = Time("to");
        if (from is { } f && to is { } t && f > t)
        {
            Problem("from", "from must not be after to.");
        }

        bool? unread = null;
        if (One("unread") is { } unreadText)
        {
            if (bool.TryParse(unreadText, out var u))
            {
                unread = u;
            }
            else
            {
                Problem("unread", "unread must be true or false.");
            }
        }

        var skip = Number("skip", 0, 0, int.MaxValue);
        var take = Number("take", 50, 1, MaxTake);
        var sort = AlertSort.FiredAt;
        if (One("sort") is { } sortText && !TryName(sortText, out sort))
        {
            Problem("sort", $"Unknown sort '{sortText}': use firedAt, severity, source or type.");
        }

        var descending = true;
        if (One("order") is { } order)
        {
            descending = order.Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (!descending && !order.Equals("asc", StringComparison.OrdinalIgnoreCase))
            {
                Problem("order", "order must be asc or desc.");
            }
        }

        filter = new AlertFilter(severities, One("type"), One("source"), state, One("q"), from, to, unread, skip, take, sort, descending);
        return problems.Count == 0;

        DateTimeOffset? Time(string name)
        {
            if (One(name) is not { } text)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value;
            }

            Problem(name, $"{name} must be an ISO-8601 time, e.g. 2026-11-25T14:00:00Z.");
            return null;
        }

        int Number(string name, int fallback, int min, int max)
        {
            if (One(name) is not { } text)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            Problem(name, $"{name} must be a whole number from {min} to {max}.");
            return fallback;
        }
    }

    /// <summary>The filter as a query string (without skip/take), for URLs of the history page and the CSV export.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("severity", string.Join(',', Severities.Select(s => s.ToString().ToLowerInvariant())));
        Add("type", Type);
        Add("source", Source);
        Add("state", State?.ToString().ToLowerInvariant());
        Add("q", Text);
        Add("from", From?.ToString("O", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("O", CultureInfo.InvariantCulture));
        Add("unread", Unread?.ToString().ToLowerInvariant());
        if (Sort != AlertSort.FiredAt || !Descending)
        {
            Add("sort", Sort.ToString());
            Add("order", Descending ? "desc" : "asc");
        }

        return string.Join('&', parts);
    }
}
