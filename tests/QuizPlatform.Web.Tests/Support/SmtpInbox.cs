using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using ServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace QuizPlatform.Web.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port inside the test process: the app's mail goes over
/// the network to it exactly as to a production server, and arrives here parsed. With a user name it requires sign-in
/// and accepts only that user and password. It binds port 0 and reads the port the system gave, so no other process
/// can take a port found free in between.
/// </summary>
public sealed partial class SmtpInbox : IAsyncDisposable
{
    public const string FromAddress = "quizzes@school.example";
    public const string FromName = "School Quizzes";

    private readonly Channel<MimeMessage> _received = Channel.CreateUnbounded<MimeMessage>();
    private readonly ConcurrentQueue<string> _signIns = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<int> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly string? _userName;
    private readonly string? _password;

    public int Port { get; private set; }

    /// <summary>The user names that signed in successfully.</summary>
    public IReadOnlyCollection<string> SignIns => _signIns;

    /// <summary>Starts a server and returns once it listens.</summary>
    public static async Task<SmtpInbox> StartAsync(string? userName = null, string? password = null)
    {
        var inbox = new SmtpInbox(userName, password);
        inbox.Port = await inbox._bound.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return inbox;
    }

    private SmtpInbox(string? userName, string? password)
    {
        (_userName, _password) = (userName, password);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0));
                if (userName is not null)
                    endpoint.AuthenticationRequired().AllowUnsecureAuthentication();
            })
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(_received.Writer));
        services.Add(new Authenticator(this));
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, started) => _bound.TrySetResult(((IPEndPoint)started.LocalEndPoint).Port);
        services.Add(listeners);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    /// <summary>The app's <c>Mail</c> settings for this server (plain SMTP: a test has no certificate).</summary>
    public (string Key, string? Value)[] Settings(string? password = null) =>
    [
        ("Mail:Host", "127.0.0.1"),
        ("Mail:Port", Port.ToString()),
        ("Mail:Security", "None"),
        ("Mail:FromAddress", FromAddress),
        ("Mail:FromName", FromName),
        ("Mail:UserName", _userName),
        ("Mail:Password", password ?? _password),
        ("Mail:Timeout", "00:00:10"),
    ];

    /// <summary>The next message the server accepted; fails when none arrives within a few seconds.</summary>
    public async Task<MimeMessage> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No mail arrived at the test SMTP server within 10 s.");
        }
    }

    /// <summary>Messages accepted and not yet read.</summary>
    public int Waiting => _received.Reader.Count;

    /// <summary>The one absolute link in a message's plain-text part.</summary>
    public static Uri LinkIn(MimeMessage message) => new(Assert.Single(Link().Matches(message.TextBody ?? "")).Value);

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    private sealed class Store(ChannelWriter<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.TryWrite(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Authenticator(SmtpInbox inbox) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
        {
            var accepted = user == inbox._userName && password == inbox._password;
            if (accepted)
                inbox._signIns.Enqueue(user);
            return Task.FromResult(accepted);
        }
    }
}
