using Microsoft.AspNetCore.Identity;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Mail;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// Whether account mail reaches people: true with the SMTP sender (<c>Mail:Host</c> set), false with
/// <see cref="LoggingEmailSender"/> (which at most writes the link to the server's log). Features that would
/// otherwise send people to "Forgot your password?" ask this first.
/// </summary>
public sealed class AccountMail(IEmailSender<ApplicationUser> sender)
{
    public bool Delivers => sender is SmtpEmailSender;
}
