using Microsoft.AspNetCore.Identity;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// Whether account mail reaches people: false while the only sender is <see cref="LoggingEmailSender"/> (which at
/// most writes the link to the server's log), true once a host registers a real <see cref="IEmailSender{TUser}"/>.
/// Features that would otherwise send people to "Forgot your password?" ask this first.
/// </summary>
public sealed class AccountMail(IEmailSender<ApplicationUser> sender)
{
    public bool Delivers => sender is not LoggingEmailSender;
}
