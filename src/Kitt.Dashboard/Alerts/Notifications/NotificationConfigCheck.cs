using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// Receivers and routes are checked at start, each problem naming its key (<c>Alerts:Receivers:ops:Url must be an
/// absolute http or https address</c>): a receiver that cannot work stops the start rather than failing every alert later.
/// </summary>
internal sealed class NotificationConfigCheck : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var failures = new List<string>();
        foreach (var (receiver, r) in options.Receivers)
        {
            Check(failures, $"{AlertOptions.Section}:Receivers:{receiver}", r);
        }

        for (var i = 0; i < options.Routes.Count; i++)
        {
            Check(failures, $"{AlertOptions.Section}:Routes:{i}", options.Routes[i], options);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, ReceiverOptions r) =>
        failures.AddRange(ReceiverProblems(r).Select(p => $"{key}:{p.Field} {p.Text}"));

    private static void Check(List<string> failures, string key, AlertRouteOptions route, AlertOptions options) =>
        failures.AddRange(RouteProblems(route, options.Receivers.Keys, $"under {AlertOptions.Section}:Receivers").Select(p => $"{key}:{p.Field} {p.Text}"));

    /// <summary>
    /// What is wrong with a receiver, each problem by its key below the receiver (<c>Url</c>, <c>Smtp:Host</c>): the
    /// start names <c>Alerts:Receivers:ops:Url</c>, the API and the editor name the field.
    /// </summary>
    public static IEnumerable<(string Field, string Text)> ReceiverProblems(ReceiverOptions r)
    {
        var kind = ReceiverKinds.Of(r);
        if (!ReceiverKinds.All.Contains(kind))
        {
            yield return ("Kind", $"must be one of {string.Join(", ", ReceiverKinds.All)}, got '{r.Kind}'");
            yield break;
        }

        if (kind == ReceiverKinds.Email)
        {
            if (string.IsNullOrWhiteSpace(r.To) || r.To.Split(',').Any(a => !MimeKit.MailboxAddress.TryParse(a.Trim(), out _)))
            {
                yield return ("To", $"must be one or more e-mail addresses separated by commas, got '{r.To}'");
            }

            if (string.IsNullOrWhiteSpace(r.Smtp.Host))
            {
                yield return ("Smtp:Host", "is required for an email receiver");
            }

            if (r.Smtp.Port is < 1 or > 65535)
            {
                yield return ("Smtp:Port", $"must be between 1 and 65535, got {r.Smtp.Port}");
            }

            if (EmailReceiver.SecurityOf(r.Smtp.Security) is null)
            {
                yield return ("Smtp:Security", $"must be one of auto, none, starttls, tls, got '{r.Smtp.Security}'");
            }

            if (!MimeKit.MailboxAddress.TryParse(r.Smtp.From, out _))
            {
                yield return ("Smtp:From", $"must be an e-mail address, got '{r.Smtp.From}'");
            }
        }
        else if (!Uri.TryCreate(r.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return ("Url", $"must be an absolute http or https address, got '{r.Url}'");
        }
    }

    /// <summary>What is wrong with a route, each problem by its key below the route (<c>Receiver</c>, <c>Match:0</c>, <c>GroupWait</c>).</summary>
    /// <param name="where">Where receivers are set, as the message on an unknown one says.</param>
    public static IEnumerable<(string Field, string Text)> RouteProblems(AlertRouteOptions route, IEnumerable<string> receivers, string where)
    {
        var known = receivers.ToList();
        if (!known.Contains(route.Receiver, StringComparer.OrdinalIgnoreCase))
        {
            yield return ("Receiver", $"must name a receiver {where} ({(known.Count == 0 ? "none configured" : string.Join(", ", known))}), got '{route.Receiver}'");
        }

        for (var m = 0; m < route.Match.Count; m++)
        {
            string? problem = null;
            try
            {
                Matcher.Parse(route.Match[m]);
            }
            catch (ArgumentException ex)
            {
                problem = ex.Message;
            }

            if (problem is not null)
            {
                yield return ($"Match:{m}", problem);
            }
        }

        foreach (var (field, value) in new[] { ("GroupWait", route.GroupWait), ("GroupInterval", route.GroupInterval), ("RepeatInterval", route.RepeatInterval) })
        {
            if (!Durations.TryParse(value, out var duration))
            {
                yield return (field, $"must be a duration such as 30s, 5m or 4h, got '{value}'");
            }
            else if (field != "GroupWait" && duration <= TimeSpan.Zero)
            {
                yield return (field, $"must be longer than 0s, got '{value}'");
            }
        }
    }
}
