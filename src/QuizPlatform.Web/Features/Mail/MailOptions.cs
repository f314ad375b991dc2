using MimeKit;

namespace QuizPlatform.Web.Features.Mail;

public enum MailSecurity { None, StartTls, SslOnConnect }

/// <summary>
/// The <c>Mail</c> section: the SMTP server account mail goes through. Unset <see cref="Host"/> means no mail: links
/// go to the log in Development, and rosters hand out one-time passwords.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    /// <summary>Unset: 587 with STARTTLS, 465 with TLS on connect, 25 without TLS.</summary>
    public int? Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>Sign in to the server only when a user name is given.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "QuizPlatform";

    /// <summary>How long one SMTP step (connect, sign in, send) may take before the message counts as not sent.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Delivers => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port ?? Security switch
    {
        MailSecurity.SslOnConnect => 465,
        MailSecurity.None => 25,
        _ => 587,
    };

    /// <summary>Why the settings cannot send mail, or null (also when no host is set: then nothing is sent).</summary>
    public string? Problem() =>
        !Delivers ? null
        : !MailboxAddress.TryParse(FromAddress ?? "", out _) || string.IsNullOrWhiteSpace(FromAddress)
            ? "Mail:FromAddress must be an e-mail address when Mail:Host is set."
        : EffectivePort is < 1 or > 65535 ? $"Mail:Port {Port} is not a port number."
        : string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password) ? "Mail:UserName and Mail:Password go together: set both or neither."
        : Timeout <= TimeSpan.Zero ? "Mail:Timeout must be positive."
        : null;
}
