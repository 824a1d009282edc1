using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;

namespace Kitt.Dashboard.Containers;

/// <summary>
/// One open stats stream per running container, keeping each one's latest document unparsed. The engine samples
/// a container a second after it is first asked for it and then once a second for as long as someone listens,
/// so a poll asking each container anew waits a second (50 containers: 1.2 s a poll), while reading the streams'
/// latest samples takes no time. Documents are only scanned for their line ends until a poll parses the latest
/// one; a stream per container through Docker.DotNet, which parses every document, cost 7.5 % of a core for 50.
/// Streams end when their container stops or the engine goes away and open again when a poll asks.
/// </summary>
internal sealed class StatsStreams(HttpClient engine) : IDisposable
{
    private readonly HttpClient engine = engine;

    /// <summary>A sample older than this is stale: the stream has stalled and the poll asks the engine instead.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Stream> streams = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource disposed = new();

    public int Open => streams.Count;

    /// <summary>The latest streamed sample of a running container, opening its stream if there is none yet.</summary>
    public StatsSample? Latest(string id)
    {
        if (disposed.IsCancellationRequested)
        {
            return null;
        }

        return streams.GetOrAdd(id, key => new Stream(key, this)).Fresh();
    }

    /// <summary>Asks the engine for one sample now (<c>stream=false</c>), for a container without a stream sample yet.</summary>
    public async Task<StatsSample?> OneShotAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await engine.GetAsync($"containers/{Uri.EscapeDataString(id)}/stats?stream=false&one-shot=true", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null; // removed since the list: it leaves with the next poll
        }

        response.EnsureSuccessStatusCode();
        return StatsSample.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>Closes the streams of containers that no longer run.</summary>
    public void Keep(IReadOnlySet<string> running)
    {
        foreach (var id in streams.Keys.Where(id => !running.Contains(id)))
        {
            if (streams.TryRemove(id, out var stream))
            {
                stream.Close();
            }
        }
    }

    // Every stream's token is linked to this one, so cancelling it ends them all.
    public void Dispose() => disposed.Cancel();

    private sealed class Stream
    {
        private readonly CancellationTokenSource closing;
        private volatile Document? latest;

        public Stream(string id, StatsStreams owner)
        {
            closing = CancellationTokenSource.CreateLinkedTokenSource(owner.disposed.Token);
            _ = ReadAsync(id, owner);
        }

        public StatsSample? Fresh() =>
            latest is { } l && Stopwatch.GetElapsedTime(l.At) < MaxAge ? StatsSample.Parse(l.Json) : null;

        public void Close()
        {
            try
            {
                closing.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stream had already ended.
            }
        }

        private async Task ReadAsync(string id, StatsStreams owner)
        {
            try
            {
                using var response = await owner.engine.GetAsync(
                    $"containers/{Uri.EscapeDataString(id)}/stats?stream=true", HttpCompletionOption.ResponseHeadersRead, closing.Token);
                response.EnsureSuccessStatusCode();
                var reader = PipeReader.Create(await response.Content.ReadAsStreamAsync(closing.Token));
                while (true)
                {
                    var read = await reader.ReadAsync(closing.Token);
                    var buffer = read.Buffer;
                    // The engine writes one JSON document per line; only the newest complete one is kept.
                    if (buffer.PositionOf((byte)'\n') is not null)
                    {
                        var end = LastLineEnd(buffer);
                        var lines = buffer.Slice(0, end);
                        var start = LastLineStart(lines);
                        latest = new Document(lines.Slice(start).ToArray(), Stopwatch.GetTimestamp());
                        buffer = buffer.Slice(buffer.GetPosition(1, end));
                    }

                    if (read.IsCompleted)
                    {
                        break;
                    }

                    reader.AdvanceTo(buffer.Start, buffer.End);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
            {
                // Stopped, removed, or the engine went away: the next poll that wants this container opens another.
            }
            finally
            {
                owner.streams.TryRemove(new KeyValuePair<string, Stream>(id, this));
                closing.Dispose();
            }
        }

        private static SequencePosition LastLineEnd(ReadOnlySequence<byte> buffer)
        {
            var end = buffer.PositionOf((byte)'\n')!.Value;
            while (buffer.Slice(buffer.GetPosition(1, end)).PositionOf((byte)'\n') is { } next)
            {
                end = next;
            }

            return end;
        }

        private static SequencePosition LastLineStart(ReadOnlySequence<byte> lines)
        {
            var start = lines.Start;
            while (lines.Slice(start).PositionOf((byte)'\n') is { } newline)
            {
                start = lines.GetPosition(1, newline);
            }

            return start;
        }
    }

    private sealed record Document(byte[] Json, long At);
}
