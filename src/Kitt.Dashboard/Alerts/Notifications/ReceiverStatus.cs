namespace Kitt.Dashboard.Alerts.Notifications;

/// <summary>A receiver as Admins see it: whether it takes notifications, since when it fails and why, and what waits for it.</summary>
public sealed record ReceiverStatus(string Name, string Kind, bool Healthy, DateTimeOffset? FailingSince, string? LastError, int Waiting);
