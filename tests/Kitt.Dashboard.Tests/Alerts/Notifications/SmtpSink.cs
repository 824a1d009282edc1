using System.Diagnostics;
using System.Globalization;
using MimeKit;

namespace Kitt.Dashboard.Tests.Alerts.Notifications;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd, started for one test on a free loopback port, with a handler that keeps
/// each message as a file, so the test reads back what arrived as a mail client would.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Handler = """
        import os, signal, sys, uuid
        from aiosmtpd.controller import Controller

        class Keep:
            async def handle_DATA(self, server, session, envelope):
                path = os.path.join(sys.argv[2], uuid.uuid4().hex)
                with open(path + ".tmp", "wb") as f:
                    f.write(envelope.original_content)
                os.rename(path + ".tmp", path + ".eml")
                return "250 Message accepted"

        controller = Controller(Keep(), hostname="127.0.0.1", port=int(sys.argv[1]))
        controller.start()
        print("ready", flush=True)
        signal.sigwait({signal.SIGTERM, signal.SIGINT})
        controller.stop()
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("kitt-smtp-").FullName;
    private readonly Process process;

    private SmtpSink()
    {
        if (!File.Exists("/usr/bin/python3") || !Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
        {
            throw new InvalidOperationException("python3-aiosmtpd is not installed: run the tests through tests/run.sh, which installs it.");
        }

        var script = Path.Combine(folder, "smtp.py");
        File.WriteAllText(script, Handler);
        Directory.CreateDirectory(Path.Combine(folder, "mail"));
        process = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, Port.ToString(CultureInfo.InvariantCulture), Path.Combine(folder, "mail")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
    }

    public int Port { get; } = Kitt.Testing.FreePort.Next();

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await sink.process.StandardOutput.ReadLineAsync(patience.Token);
        if (line != "ready")
        {
            throw new InvalidOperationException($"aiosmtpd did not start: {await sink.process.StandardError.ReadToEndAsync()}");
        }

        return sink;
    }

    /// <summary>Every message received so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        [.. Directory.GetFiles(Path.Combine(folder, "mail"), "*.eml").Select(f => MimeMessage.Load(f))];

    public async ValueTask DisposeAsync()
    {
        await Hosting.ServerProcesses.StopAsync(process, folder);
    }
}
