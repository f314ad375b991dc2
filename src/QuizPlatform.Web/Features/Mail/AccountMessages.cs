using System.Net;

namespace QuizPlatform.Web.Features.Mail;

/// <summary>
/// The words of each account message. Links are taken as plain URLs and HTML-encoded once here for the HTML part;
/// nothing a user typed goes into the HTML unencoded.
/// </summary>
public static class AccountMessages
{
    public const string SiteName = "QuizPlatform";

    public static OutgoingMail PasswordReset(string to, string link) => Build(to, $"Reset your {SiteName} password",
        [$"Someone asked to reset the password of your {SiteName} account ({to})."],
        "Choose a new password", link,
        "The link works once and expires soon. If you did not ask for it, ignore this message: your password stays as it is.");

    public static OutgoingMail EmailConfirmation(string to, string link) => Build(to, $"Confirm your e-mail address for {SiteName}",
        [$"Please confirm that {to} is your e-mail address for {SiteName}."],
        "Confirm this address", link,
        "If you did not ask for this, ignore this message: nothing changes.");

    public static OutgoingMail PasswordResetCode(string to, string code) => Build(to, $"Your {SiteName} password reset code",
        [$"Your password reset code is: {code}"], null, null,
        "If you did not ask for it, ignore this message: your password stays as it is.");

    /// <summary>A new student's first message: a link to choose their password, valid once within <paramref name="validFor"/>.</summary>
    public static OutgoingMail Invitation(string to, string name, string link, string validFor) => Build(to, $"Your {SiteName} account",
        [$"Hello {name},", $"An account on {SiteName} has been made for you ({to}), and you are enrolled in your class."],
        "Choose your password", link,
        $"The link works once, within {validFor}. After that, use \"Forgot your password?\" on the sign-in page.");

    static OutgoingMail Build(string to, string subject, string[] paragraphs, string? action, string? link, string closing)
    {
        var text = string.Join("\n\n", [.. paragraphs, .. link is null ? Array.Empty<string>() : [$"{action}:\n{link}"], closing]);
        var html = string.Concat([
            .. paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"),
            link is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(action)}</a></p>",
            $"<p>{WebUtility.HtmlEncode(closing)}</p>",
        ]);
        return new OutgoingMail(to, subject, text + "\n", $"<!DOCTYPE html><html><body>{html}</body></html>");
    }
}
