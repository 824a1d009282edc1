using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Containers;

/// <summary>A container the engine does not know.</summary>
public sealed class ContainerNotFoundException(string id) : Exception($"No container '{id}' on the engine.");

/// <summary>
/// A container's logs from the engine (<c>/containers/{id}/logs</c>): the last lines, those since a moment, and with
/// <c>follow</c> every new one as it is written, until the caller stops reading. Without a TTY the engine multiplexes
/// stdout and stderr in frames (a stream byte, three zeros, a big-endian length); with one, everything is stdout.
/// </summary>
public sealed class ContainerLogs(IOptions<DockerOptions> options) : IDisposable
{
    private readonly HttpClient engine = EngineHttp.Create(options.Value.Endpoint);

    public async IAsyncEnumerable<LogLine> ReadAsync(
        string id,
        int tail,
        DateTimeOffset? since,
        bool follow,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var escaped = Uri.EscapeDataString(id);
        var tty = await HasTtyAsync(escaped, id, cancellationToken);
        var query = $"stdout=1&stderr=1&timestamps=1&tail={tail.ToString(CultureInfo.InvariantCulture)}&follow={(follow ? 1 : 0)}"
            + (since is { } from ? $"&since={from.ToUnixTimeMilliseconds() / 1000.0:0.000}" : "");
        using var response = await engine.GetAsync($"containers/{escaped}/logs?{query}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ContainerNotFoundException(id);
        }

        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var lines = tty ? ReadRawAsync(body, cancellationToken) : ReadFramesAsync(body, cancellationToken);
        await foreach (var line in lines)
        {
            yield return line;
        }
    }

    public void Dispose() => engine.Dispose();

    private async Task<bool> HasTtyAsync(string escaped, string id, CancellationToken cancellationToken)
    {
        using var response = await engine.GetAsync($"containers/{escaped}/json", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ContainerNotFoundException(id);
        }

        response.EnsureSuccessStatusCode();
        using var inspected = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return inspected.RootElement.TryGetProperty("Config", out var config) && config.TryGetProperty("Tty", out var t) && t.GetBoolean();
    }

    private static async IAsyncEnumerable<LogLine> ReadFramesAsync(
        Stream body,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = new byte[8];
        var pending = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        while (await FillAsync(body, header, cancellationToken))
        {
            var stream = header[0] == 2 ? LogLine.StandardError : LogLine.StandardOutput;
            var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4))];
            if (!await FillAsync(body, payload, cancellationToken))
            {
                yield break;
            }

            // A frame may end mid-line (the engine cuts long lines at 16 KiB); the rest comes in the stream's next frame.
            var text = pending.TryGetValue(stream, out var carried) ? carried.Append(Encoding.UTF8.GetString(payload)).ToString() : Encoding.UTF8.GetString(payload);
            pending.Remove(stream);
            var start = 0;
            for (var end = text.IndexOf('\n', StringComparison.Ordinal); end >= 0; end = text.IndexOf('\n', start))
            {
                yield return Parse(stream, text.AsSpan(start, end - start));
                start = end + 1;
            }

            if (start < text.Length)
            {
                pending[stream] = new StringBuilder(text[start..]);
            }
        }

        foreach (var (stream, rest) in pending)
        {
            yield return Parse(stream, rest.ToString());
        }
    }

    private static async IAsyncEnumerable<LogLine> ReadRawAsync(
        Stream body,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return Parse(LogLine.StandardOutput, line);
        }
    }

    private static async Task<bool> FillAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    /// <summary>The engine's RFC 3339 timestamp (nanoseconds, cut to what .NET holds), a space, the text.</summary>
    internal static LogLine Parse(string stream, ReadOnlySpan<char> line)
    {
        line = line.TrimEnd('\r');
        var space = line.IndexOf(' ');
        if (space > 0 && TryParseTime(line[..space], out var at))
        {
            return new LogLine(at, stream, line[(space + 1)..].ToString());
        }

        return new LogLine(null, stream, line.ToString());
    }

    private static bool TryParseTime(ReadOnlySpan<char> stamp, out DateTimeOffset at)
    {
        var dot = stamp.IndexOf('.');
        if (dot > 0 && stamp.Length - dot > 9)
        {
            // 2026-12-02T03:10:25.123456789Z → 2026-12-02T03:10:25.1234567Z
            var zone = stamp[(dot + 1)..].IndexOfAnyExcept("0123456789");
            var fraction = zone < 0 ? stamp[(dot + 1)..] : stamp.Slice(dot + 1, zone);
            var rest = zone < 0 ? [] : stamp[(dot + 1 + zone)..];
            var trimmed = string.Concat(stamp[..(dot + 1)], fraction[..Math.Min(7, fraction.Length)], rest);
            return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
        }

        return DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }
}
