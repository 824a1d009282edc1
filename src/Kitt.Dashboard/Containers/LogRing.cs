namespace Kitt.Dashboard.Containers;

/// <summary>
/// The latest lines of one log viewer, at most <see cref="Capacity"/>: a container writing 10,000 lines a second
/// replaces old lines, it does not grow the server.
/// </summary>
internal sealed class LogRing(int capacity)
{
    private readonly LogLine[] lines = new LogLine[capacity];
    private readonly Lock gate = new();
    private long written;

    public int Capacity => capacity;

    /// <summary>Every line added so far, those replaced included.</summary>
    public long Written => Interlocked.Read(ref written);

    public void Add(LogLine line)
    {
        lock (gate)
        {
            lines[written % capacity] = line;
            written++;
        }
    }

    /// <summary>The lines held, oldest first.</summary>
    public LogLine[] Snapshot()
    {
        lock (gate)
        {
            var count = (int)Math.Min(written, capacity);
            var copy = new LogLine[count];
            var start = written - count;
            for (var i = 0; i < count; i++)
            {
                copy[i] = lines[(start + i) % capacity];
            }

            return copy;
        }
    }
}
