using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Accounts;

/// <summary>
/// Account mail while no mail server is configured (<c>Mail:Host</c> unset): with
/// <see cref="AccountsOptions.LogEmailLinks"/> (on in Development) the link is logged for the developer to open;
/// otherwise the log says that no mail was sent.
/// </summary>
sealed class LoggingEmailSender(IOptions<AccountsOptions> options, IHostEnvironment environment, ILogger<LoggingEmailSender> logger)
    : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        Deliver(email, "Email confirmation link", confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        Deliver(email, "Password reset link", resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        Deliver(email, "Password reset code", resetCode);

    Task Deliver(string email, string what, string htmlEncodedLink)
    {
        if (options.Value.LogEmailLinks ?? environment.IsDevelopment())
            // Identity's pages hand over the link HTML-encoded for a mail body; the log gets the openable form.
            logger.LogWarning("{What} for {Email}: {Link}", what, email, WebUtility.HtmlDecode(htmlEncodedLink));
        else
            logger.LogError("{What} for {Email} was not sent: no mail sender is configured", what, email);
        return Task.CompletedTask;
    }
}
