using Microsoft.AspNetCore.Identity;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Data.Passwords;

/// <summary>
/// Length over character classes (ASVS 6.2): at least <see cref="MinLength"/> characters of any kind, so a passphrase
/// such as "correct horse battery staple" is welcome, up to <see cref="MaxLength"/>; and not a password attackers try
/// first (<see cref="CommonPasswordValidator"/>). No rules about digits, capitals or symbols: they push people to
/// "Password1!" and do little against guessing.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public static void Configure(PasswordOptions password)
    {
        password.RequiredLength = MinLength;
        password.RequiredUniqueChars = 1;
        password.RequireDigit = false;
        password.RequireLowercase = false;
        password.RequireUppercase = false;
        password.RequireNonAlphanumeric = false;
    }

    public static IdentityBuilder AddPasswordPolicy(this IdentityBuilder identity) =>
        identity.AddPasswordValidator<CommonPasswordValidator>();
}
