using System.Globalization;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>
/// E-mail over SMTP with MailKit: the summary as subject, the alerts as plain text, and the notification's key in the
/// <c>Message-Id</c>, so a repeated attempt is the same message to a mail system that drops duplicates.
/// </summary>
public sealed class EmailReceiver(string name, ReceiverOptions options) : IAlertReceiver
{
    public string Name => name;

    public string Kind => ReceiverKinds.Email;

    public bool SendResolved => options.SendResolved;

    public static SecureSocketOptions? SecurityOf(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "auto" => SecureSocketOptions.StartTlsWhenAvailable,
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "tls" => SecureSocketOptions.SslOnConnect,
        _ => null,
    };

    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        var mail = new MimeMessage { Subject = message.Summary(), MessageId = $"{message.Key}@kitt-dashboard", Date = message.At };
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var to in options.To!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            mail.To.Add(MailboxAddress.Parse(to));
        }

        mail.Headers.Add("X-Kitt-Notification", message.Key);
        mail.Body = new TextPart("plain") { Text = Text(message) };
        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(smtp.Host!, smtp.Port, SecurityOf(smtp.Security)!.Value, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                // A password goes only over TLS, unless Security is none by choice: "auto" against a server whose
                // STARTTLS was stripped on the way must not send it in the clear.
                if (!client.IsSecure && SecurityOf(smtp.Security) != SecureSocketOptions.None)
                {
                    throw new ReceiverException($"SMTP {smtp.Host}:{smtp.Port} offered no TLS; the password is not sent in the clear (set Smtp:Security to none to allow it)");
                }

                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or AuthenticationException)
        {
            throw new ReceiverException($"SMTP {smtp.Host}:{smtp.Port}: {ex.Message}", ex);
        }
    }

    private static string Text(NotificationMessage m)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{m.FiringCount} firing, {m.Alerts.Count - m.FiringCount} resolved.");
        foreach (var a in m.Alerts)
        {
            text.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"{(a.Firing ? "FIRING" : "RESOLVED")} {a.Severity.ToString().ToUpperInvariant()}: {a.Title}")
                .AppendLine(a.Message)
                .AppendLine(CultureInfo.InvariantCulture, $"source {a.Source}, since {a.StartsAt:u}{(a.EndsAt is { } end ? $", resolved {end:u}" : "")}");
        }

        return text.ToString();
    }
}
