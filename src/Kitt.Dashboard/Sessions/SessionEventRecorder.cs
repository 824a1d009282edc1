using Kitt.Dashboard.Data;
using Kitt.Dashboard.Realtime;

namespace Kitt.Dashboard.Sessions;

/// <summary>Stores every session event announced on <c>sessions</c>.</summary>
public sealed class SessionEventRecorder(ITopicHub hub, StoreWriter store)
    : TopicRecorder<SessionEvent, SessionLogEntry>(hub, store, SessionEvent.Topic, TimeSpan.FromMilliseconds(250))
{
    protected override IReadOnlyCollection<SessionLogEntry> ToRows(IReadOnlyList<SessionEvent> batch) =>
        [.. batch.Select(SessionLogEntry.From)];
}
