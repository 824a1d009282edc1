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

    private static void Check(List<string> failures, string key, ReceiverOptions r)
    {
        var kind = ReceiverKinds.Of(r);
        if (!ReceiverKinds.All.Contains(kind))
        {
            failures.Add($"{key}:Kind must be one of {string.Join(", ", ReceiverKinds.All)}, got '{r.Kind}'");
            return;
        }

        if (kind == ReceiverKinds.Email)
        {
            if (string.IsNullOrWhiteSpace(r.To) || r.To.Split(',').Any(a => !MimeKit.MailboxAddress.TryParse(a.Trim(), out _)))
            {
                failures.Add($"{key}:To must be one or more e-mail addresses separated by commas, got '{r.To}'");
            }

            if (string.IsNullOrWhiteSpace(r.Smtp.Host))
            {
                failures.Add($"{key}:Smtp:Host is required for an email receiver");
            }

            if (r.Smtp.Port is < 1 or > 65535)
            {
                failures.Add($"{key}:Smtp:Port must be between 1 and 65535, got {r.Smtp.Port}");
            }

            if (EmailReceiver.SecurityOf(r.Smtp.Security) is null)
            {
                failures.Add($"{key}:Smtp:Security must be one of auto, none, starttls, tls, got '{r.Smtp.Security}'");
            }

            if (!MimeKit.MailboxAddress.TryParse(r.Smtp.From, out _))
            {
                failures.Add($"{key}:Smtp:From must be an e-mail address, got '{r.Smtp.From}'");
            }
        }
        else if (!Uri.TryCreate(r.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"{key}:Url must be an absolute http or https address, got '{r.Url}'");
        }
    }

    private static void Check(List<string> failures, string key, AlertRouteOptions route, AlertOptions options)
    {
        if (!options.Receivers.ContainsKey(route.Receiver))
        {
            failures.Add($"{key}:Receiver must name a receiver under {AlertOptions.Section}:Receivers ({(options.Receivers.Count == 0 ? "none configured" : string.Join(", ", options.Receivers.Keys))}), got '{route.Receiver}'");
        }

        for (var m = 0; m < route.Match.Count; m++)
        {
            try
            {
                Matcher.Parse(route.Match[m]);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{key}:Match:{m} {ex.Message}");
            }
        }

        foreach (var (field, value) in new[] { ("GroupWait", route.GroupWait), ("GroupInterval", route.GroupInterval), ("RepeatInterval", route.RepeatInterval) })
        {
            if (!Durations.TryParse(value, out var duration))
            {
                failures.Add($"{key}:{field} must be a duration such as 30s, 5m or 4h, got '{value}'");
            }
            else if (field != "GroupWait" && duration <= TimeSpan.Zero)
            {
                failures.Add($"{key}:{field} must be longer than 0s, got '{value}'");
            }
        }
    }
}
