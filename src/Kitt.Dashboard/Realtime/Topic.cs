namespace Kitt.Dashboard.Realtime;

/// <summary>How a topic treats values a slow subscriber has not consumed yet.</summary>
public enum TopicKind
{
    /// <summary>Each value replaces the previous one: a subscriber only ever needs the latest.</summary>
    Snapshot,

    /// <summary>Every value matters: kept in order up to a bound, overflow is counted.</summary>
    Event,
}

/// <summary>A typed, named channel of the topic hub. Names are part of the public contract.</summary>
public sealed class Topic<T>
{
    internal Topic(string name, TopicKind kind, int capacity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Name = name;
        Kind = kind;
        Capacity = capacity;
    }

    public string Name { get; }

    public TopicKind Kind { get; }

    /// <summary>Values buffered per subscription before the oldest is dropped (1 for snapshot topics).</summary>
    public int Capacity { get; }

    public override string ToString() => Name;
}

public static class Topic
{
    public static Topic<T> Snapshot<T>(string name) => new(name, TopicKind.Snapshot, 1);

    public static Topic<T> Events<T>(string name, int capacity = 1024) => new(name, TopicKind.Event, capacity);
}

/// <summary>A topic a feature publishes, registered at start so /stats lists it before anyone has used it.</summary>
public sealed record TopicDeclaration(string Name, TopicKind Kind);

public static class TopicRegistration
{
    public static IServiceCollection AddTopic<T>(this IServiceCollection services, Topic<T> topic) =>
        services.AddSingleton(new TopicDeclaration(topic.Name, topic.Kind));
}
