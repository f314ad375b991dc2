using System.Collections.Frozen;
using System.Text;
using Microsoft.AspNetCore.Identity;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Data.Passwords;

/// <summary>
/// Refuses the passwords an attacker tries first: the 10,000 most common (zxcvbn's ranked list, shipped as
/// <c>common-passwords.txt</c>), whatever their case; one of them with digits or symbols around it ("Password1234",
/// "!!monkey!!", "1234567890" + "12"), since that is how people stretch a short password to the minimum length; a
/// short pattern or a common password repeated ("abcabcabcabc", "qwertyqwerty"); and the account's own name, email
/// or the platform's name dressed up the same way. Also caps the length at <see cref="PasswordPolicy.MaxLength"/>.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    const string ResourceName = "QuizPlatform.Data.Passwords.common-passwords.txt";
    const int ShortestCore = 4;
    static readonly Lazy<FrozenSet<string>> Common = new(LoadList);
    static readonly string[] PlatformWords = ["quizplatform", "quiz platform", "quiz-platform"];

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success); // Identity's own validator reports the missing password
        if (password.Length > PasswordPolicy.MaxLength)
            return Failed("PasswordTooLong", $"Passwords can be at most {PasswordPolicy.MaxLength} characters long.");
        var forms = Forms(Normalise(password)).ToList();
        if (forms.Any(Common.Value.Contains) || IsRepeated(Normalise(password)))
            return Failed("PasswordTooCommon", "This password is one of the most common passwords, or one of them with "
                + "a few digits or symbols added, and attackers try those first. Choose another: several unrelated "
                + "words make a strong password that is easy to remember.");
        var personal = PersonalWords(user).ToHashSet();
        if (forms.Any(personal.Contains))
            return Failed("PasswordIsPersonal", "A password made of your name, your email address or the site's name "
                + "is easy to guess. Choose another.");
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>The password itself, without the digits and symbols at its ends, and each common-looking start it has.</summary>
    static IEnumerable<string> Forms(string password)
    {
        yield return password;
        var first = 0;
        var last = password.Length - 1;
        while (first <= last && !char.IsLetter(password[first]))
            first++;
        while (last >= first && !char.IsLetter(password[last]))
            last--;
        if (last - first + 1 >= ShortestCore)
            yield return password[first..(last + 1)];
        // Digits or symbols appended to a password that has some of its own ("1234567890" + "12").
        for (var end = password.Length - 1; end >= ShortestCore && !char.IsLetter(password[end]); end--)
            yield return password[..end];
    }

    /// <summary>A unit of up to four characters, or a common password, said again and again.</summary>
    static bool IsRepeated(string password)
    {
        for (var unit = 1; unit <= password.Length / 2; unit++)
        {
            if (password.Length % unit != 0 || !IsPeriodic(password, unit))
                continue;
            return unit <= ShortestCore || Common.Value.Contains(password[..unit]);
        }
        return false;
    }

    static bool IsPeriodic(string text, int period)
    {
        for (var i = period; i < text.Length; i++)
            if (text[i] != text[i - period])
                return false;
        return true;
    }

    static IEnumerable<string> PersonalWords(ApplicationUser user)
    {
        foreach (var word in PlatformWords)
            yield return word;
        foreach (var value in new[] { user.UserName, user.Email, user.DisplayName })
        {
            if (string.IsNullOrWhiteSpace(value))
                continue;
            var normalised = Normalise(value);
            yield return normalised;
            yield return normalised.Split('@')[0];
        }
    }

    static string Normalise(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    static FrozenSet<string> LoadList()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded list {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new List<string>(capacity: 10_000);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0)
                words.Add(line);
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
