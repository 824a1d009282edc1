using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Kitt.Testing;

/// <summary>
/// A private PostgreSQL cluster from Debian's <c>postgresql-15</c>, one per test run: <c>initdb</c> in a temp folder,
/// <c>pg_ctl</c> on a free loopback port (its socket in the same folder), stopped when the test process exits.
/// Each test class takes a database of its own (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresCluster
{
    public const string Binaries = "/usr/lib/postgresql/15/bin";

    private static readonly Lazy<Task<PostgresCluster>> SharedCluster = new(StartAsync);

    private readonly string folder;

    private PostgresCluster(string folder, int port)
    {
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The run's cluster, started on first use.</summary>
    public static Task<PostgresCluster> SharedAsync() => SharedCluster.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    /// <returns>The connection string of a new, empty database.</returns>
    public async Task<string> CreateDatabaseAsync(string prefix = "kitt")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The first value <paramref name="sql"/> reads from the database, for a test that counts what the app stored.</summary>
    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        if (!File.Exists(Path.Combine(Binaries, "initdb")))
        {
            throw new InvalidOperationException("PostgreSQL 15 is not installed: run the tests through tests/run.sh, which installs postgresql-15.");
        }

        RemoveStoppedClusters();
        var folder = Directory.CreateTempSubdirectory("kitt-pg-").FullName;
        var port = FreePort.Next();
        // initdb refuses to run as root: as root, the server runs as the package's postgres user.
        await RunAsync("chown", ["postgres", folder], asPostgres: false);
        await RunAsync(Path.Combine(Binaries, "initdb"), ["-D", Path.Combine(folder, "data"), "--auth=trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
        await RunAsync(Path.Combine(Binaries, "pg_ctl"),
        [
            "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
            "start",
        ]);
        var cluster = new PostgresCluster(folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    /// <summary>
    /// Folders of earlier runs' clusters that stopped (a running server keeps <c>postmaster.pid</c> in its data folder):
    /// a test process may end before its exit handler has removed its own.
    /// </summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), "kitt-pg-*"))
        {
            if (!File.Exists(Path.Combine(stale, "data", "postmaster.pid")))
            {
                try
                {
                    Directory.Delete(stale, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // another process's, or still closing: left for the next run
                }
            }
        }
    }

    private void Stop()
    {
        NpgsqlConnection.ClearAllPools();
        RunAsync(Path.Combine(Binaries, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "fast", "-w", "stop"]).GetAwaiter().GetResult();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the temp folder's cleaning.
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var root = Environment.UserName == "root";
        var start = asPostgres && root ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.WorkingDirectory = "/tmp";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
