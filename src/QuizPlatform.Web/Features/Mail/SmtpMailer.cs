using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace QuizPlatform.Web.Features.Mail;

/// <summary>
/// Sends mail through the <see cref="MailOptions"/> SMTP server with MailKit, several messages over one connection.
/// A mail problem never throws: each message not sent is logged (never the credentials) and returned with the reason.
/// </summary>
public sealed class SmtpMailer(IOptions<MailOptions> options, ILogger<SmtpMailer> logger)
{
    public async Task<IReadOnlyList<MailFailure>> SendAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken = default)
    {
        if (mails.Count == 0)
            return [];
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.EffectivePort, SocketOptions(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{Count} message(s) not sent: the SMTP server {Host}:{Port} could not be used", mails.Count, settings.Host, settings.EffectivePort);
            return [.. mails.Select(m => new MailFailure(m, e.Message))];
        }

        var failures = new List<MailFailure>();
        foreach (var mail in mails)
        {
            if (!client.IsConnected)
            {
                failures.Add(new MailFailure(mail, "The SMTP server closed the connection."));
                continue;
            }
            try
            {
                await client.SendAsync(Message(settings, mail), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Mail \"{Subject}\" to {To} was not sent", mail.Subject, mail.To);
                failures.Add(new MailFailure(mail, e.Message));
            }
        }
        if (client.IsConnected)
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        return failures;
    }

    static MimeMessage Message(MailOptions settings, OutgoingMail mail)
    {
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress!));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        return message;
    }

    static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
