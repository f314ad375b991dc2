namespace QuizPlatform.Web.Features.Accounts;

/// <summary>The <c>Accounts</c> section: how sign-in sessions are checked and how account mail goes out.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// How often the user of an open interactive circuit (and a two-factor remember-me cookie) is checked again
    /// (deactivated, password changed, roles changed): a deactivated user loses access within this time. Sign-in
    /// cookies are checked at every request (<see cref="SessionTicketStore"/>).
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A session ends after this long without a request (sliding: activity renews it).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session ends this long after sign-in however active it is (ASVS 7.3.2): sign in again to go on.</summary>
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Write password-reset links to the log instead of mailing them. Unset: on in Development only.</summary>
    public bool? LogEmailLinks { get; set; }

    /// <summary>
    /// Send the sign-in and anti-forgery cookies over HTTPS only, under <c>__Host-</c> names (which browsers accept only
    /// over HTTPS, for the whole site, from this host alone). Unset: on except in Development and Testing.
    /// </summary>
    public bool? SecureCookies { get; set; }

    /// <summary>
    /// Administrators must sign in with an authenticator app's code: one without an authenticator is sent to set one up
    /// before any other page opens (<see cref="AdminTwoFactor"/>). Unset: on except in Development and Testing.
    /// </summary>
    public bool? RequireTwoFactorForAdmins { get; set; }
}
