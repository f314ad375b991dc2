using System.Net;
using Microsoft.AspNetCore.Identity;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Mail;

/// <summary>
/// Identity's account mail over SMTP, through the <see cref="MailOutbox"/>. Identity's pages hand over links
/// HTML-encoded for a mail body; they are decoded here so <see cref="AccountMessages"/> encodes each part once.
/// </summary>
public sealed class SmtpEmailSender(MailOutbox outbox) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        Send(AccountMessages.EmailConfirmation(email, WebUtility.HtmlDecode(confirmationLink)));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        Send(AccountMessages.PasswordReset(email, WebUtility.HtmlDecode(resetLink)));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        Send(AccountMessages.PasswordResetCode(email, WebUtility.HtmlDecode(resetCode)));

    Task Send(OutgoingMail mail)
    {
        outbox.Enqueue(mail);
        return Task.CompletedTask;
    }
}
