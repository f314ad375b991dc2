using System.Threading.Channels;

namespace QuizPlatform.Web.Features.Mail;

/// <summary>
/// Account mail (reset, confirmation) leaves the request at once and is sent in the background: the page answers as
/// fast for an account that gets a message as for one that does not, and a slow or broken mail server never holds
/// or fails the request. A message still queued when the app stops is lost; the person asks again.
/// </summary>
public sealed class MailOutbox(SmtpMailer mailer, ILogger<MailOutbox> logger) : BackgroundService
{
    readonly Channel<OutgoingMail> queue = Channel.CreateBounded<OutgoingMail>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public void Enqueue(OutgoingMail mail)
    {
        if (!queue.Writer.TryWrite(mail))
            logger.LogError("Mail \"{Subject}\" to {To} was not sent: the outbox is full", mail.Subject, mail.To);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in queue.Reader.ReadAllAsync(stoppingToken))
            await mailer.SendAsync([mail], stoppingToken);
    }
}
