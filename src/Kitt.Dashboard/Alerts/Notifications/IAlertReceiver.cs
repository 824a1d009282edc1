namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>One configured receiver: sends a notification or throws, saying why, so the notifier can retry it.</summary>
public interface IAlertReceiver
{
    string Name { get; }

    string Kind { get; }

    /// <summary>Whether a group's resolved alerts are sent too.</summary>
    bool SendResolved { get; }

    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}

/// <summary>A receiver's answer that means the notification did not arrive.</summary>
/// <param name="permanent">The receiver refuses this notification for good (a 4xx other than 408, 425 or 429):
/// sending it again cannot help, and it must not hold back the ones after it.</param>
public sealed class ReceiverException(string message, Exception? inner = null, bool permanent = false) : Exception(message, inner)
{
    public bool Permanent => permanent;
}
