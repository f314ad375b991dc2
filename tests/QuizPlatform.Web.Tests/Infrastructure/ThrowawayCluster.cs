using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster in <see cref="Scratch.Root"/> for one test process: loopback only, trust authentication, no fsync.
/// initdb refuses to run as root, so as root every server command runs as the system user <c>postgres</c>.
/// The test host is killed moments after its last test, too soon to stop a server from inside it; so a detached
/// watchdog stops the cluster and deletes its files once this process is gone, however it ended.
/// </summary>
internal sealed class ThrowawayCluster
{
    private const string RootPrefix = "quiz-test-pg-";
    private const string ServerOsUser = "postgres";
    private const string TestRole = "quiz";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _bin;
    private readonly string _root;
    private int _port;

    private ThrowawayCluster(string bin, string root)
    {
        _bin = bin;
        _root = root;
    }

    /// <summary>Connection string for a role that can create databases (not a superuser, as in production).</summary>
    public string ConnectionString => ConnectionStringFor(TestRole);

    private string DataDirectory => Path.Combine(_root, "data");

    public static async Task<ThrowawayCluster> StartAsync(string bin)
    {
        RemoveStaleClusters(bin);
        if (IsRoot)
            await EnsureServerOsUserAsync();

        // Named after its owner, so that another test process (test.sh runs two) never takes it for stale.
        var root = Path.Combine(Scratch.Root, $"{RootPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        if (IsRoot)
            await RunAsync("chown", ServerOsUser + ":", root);
        StartWatchdog(bin, root);

        var cluster = new ThrowawayCluster(bin, root);
        try
        {
            await cluster.RunServerCommandAsync("initdb", "-D", cluster.DataDirectory, "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            cluster._port = await cluster.StartServerAsync();
            await cluster.CreateTestRoleAsync();
            return cluster;
        }
        catch
        {
            StopAndDelete(bin, root, "immediate");
            throw;
        }
    }

    // A free port can be taken by someone else between probing and binding: try a few.
    private async Task<int> StartServerAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FindFreeLoopbackPort();
            try
            {
                await RunServerCommandAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"),
                    "-w", "-t", "60", "-o",
                    $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={_root} " +
                    // No autovacuum: its workers visit the databases copied from the template, and the test role
                    // may not end them when it drops a database (DROP DATABASE ... WITH (FORCE)).
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c autovacuum=off",
                    "start");
                return port;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
            catch (InvalidOperationException e)
            {
                var log = Path.Combine(_root, "server.log");
                var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no server log)";
                throw new InvalidOperationException($"{e.Message}\nserver.log:\n{tail}", e);
            }
        }
    }

    private async Task CreateTestRoleAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE ROLE {TestRole} LOGIN CREATEDB", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// <c>pg_ctl restart -m fast</c>, as an operator restarts a server: every connection is ended, the server comes
    /// back on the same port with the same settings, and the data stays.
    /// </summary>
    public Task RestartAsync() =>
        RunServerCommandAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-m", "fast", "-w", "-t", "60", "restart");

    private string ConnectionStringFor(string role) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = _port, Username = role, Database = "postgres",
    }.ConnectionString;

    private Task RunServerCommandAsync(string program, params string[] args) =>
        IsRoot
            ? RunAsync("runuser", ["-u", ServerOsUser, "--", Path.Combine(_bin, program), .. args])
            : RunAsync(Path.Combine(_bin, program), args);

    private static int FindFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // A test process killed before it could clean up leaves its cluster running; the next run removes it.
    private static void RemoveStaleClusters(string bin)
    {
        foreach (var root in Directory.GetDirectories(Scratch.Root, RootPrefix + "*"))
        {
            var owner = Path.GetFileName(root)[RootPrefix.Length..].Split('-')[0];
            if (int.TryParse(owner, out var pid) && IsRunning(pid))
                continue;
            StopAndDelete(bin, root, "immediate");
        }
    }

    private static void StartWatchdog(string bin, string root)
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1"; do sleep 0.5; done
            if [ -f "$3/data/postmaster.pid" ]; then (cd / && $4 "$2/pg_ctl" -D "$3/data" -m immediate -w stop); fi
            rm -rf "$3"
            """;
        var start = new ProcessStartInfo("setsid")
        {
            // Redirected so the watchdog does not hold the test host's output open; the script drops them at once.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        string[] args = ["sh", "-c", script, "watchdog", Environment.ProcessId.ToString(), bin, root,
            IsRoot ? $"runuser -u {ServerOsUser} --" : ""];
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var watchdog = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start the PostgreSQL cleanup watchdog (setsid sh).");
    }

    private static void StopAndDelete(string bin, string root, string mode)
    {
        var data = Path.Combine(root, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            var pgCtl = Path.Combine(bin, "pg_ctl");
            string[] stop = [pgCtl, "-D", data, "-m", mode, "-w", "stop"];
            try
            {
                // Synchronous on purpose: this also runs from ProcessExit, where nothing may be awaited.
                (IsRoot ? RunAsync("runuser", ["-u", ServerOsUser, "--", .. stop]) : RunAsync(pgCtl, stop[1..]))
                    .GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the directory goes anyway.
            }
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Gone already, or being removed by its watchdog.
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task EnsureServerOsUserAsync()
    {
        if ((await TryRunAsync("id", "-u", ServerOsUser)).ExitCode == 0)
            return;
        await RunAsync("useradd", "--system", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", ServerOsUser);
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var (exitCode, output) = await TryRunAsync(program, args);
        if (exitCode != 0)
            throw new InvalidOperationException($"`{program} {string.Join(' ', args)}` exited with {exitCode}:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> TryRunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // runuser keeps the working directory, and user postgres cannot enter root's.
            WorkingDirectory = "/",
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static bool IsRoot => geteuid() == 0;

    [DllImport("libc")]
    private static extern uint geteuid();
}
