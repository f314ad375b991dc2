using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Accounts;

namespace QuizPlatform.Web.Features.Mail;

public static class MailFeature
{
    /// <summary>
    /// Account mail: over SMTP when <c>Mail:Host</c> is set (the settings checked at start-up), else through
    /// <see cref="LoggingEmailSender"/>.
    /// </summary>
    public static IServiceCollection AddMailFeature(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailValidation>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<MailOutbox>();
        services.AddHostedService(provider => provider.GetRequiredService<MailOutbox>());
        services.AddSingleton<IEmailSender<ApplicationUser>>(provider =>
            provider.GetRequiredService<IOptions<MailOptions>>().Value.Delivers
                ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(provider)
                : ActivatorUtilities.CreateInstance<LoggingEmailSender>(provider));
        return services;
    }
}

sealed class MailValidation : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
