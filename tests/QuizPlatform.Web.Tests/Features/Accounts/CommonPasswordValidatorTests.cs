using Microsoft.AspNetCore.Identity;
using QuizPlatform.Data.Demo;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Passwords;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.Web.Tests.Features.Accounts;

/// <summary>The passwords an attacker tries first, dressed up the ways people dress them up to reach the minimum.</summary>
public sealed class CommonPasswordValidatorTests
{
    static readonly ApplicationUser Sam = new()
    {
        UserName = "sam.student@school.example", Email = "sam.student@school.example", DisplayName = "Sam Student",
    };

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")] // case does not make it rarer
    [InlineData("Password1234!")]
    [InlineData("iloveyou!!!!")]
    [InlineData("2024sunshine!")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiop123")]
    [InlineData("ｐａｓｓｗｏｒｄ１２３４")] // full-width letters normalise to the same password
    [InlineData("qwertyqwerty")]
    [InlineData("abcabcabcabc")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    public async Task CommonPasswordsAreRefusedWithAReason(string password)
    {
        var result = await ValidateAsync(password);

        var error = Assert.Single(result.Errors);
        Assert.Equal("PasswordTooCommon", error.Code);
        Assert.Contains("most common passwords", error.Description);
    }

    [Theory]
    [InlineData("sam.student2024")]
    [InlineData("Sam Student!!!")]
    [InlineData("QuizPlatform2026")]
    public async Task PasswordsMadeOfTheAccountOrTheSiteAreRefused(string password)
    {
        var result = await ValidateAsync(password);

        Assert.Equal("PasswordIsPersonal", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("purple elephant dances")]
    [InlineData("xkcd936isright")]
    [InlineData(TestUsers.Password)]
    [InlineData(DemoDataSeeder.Password)]
    public async Task PassphrasesAndUncommonPasswordsPass(string password) =>
        Assert.True((await ValidateAsync(password)).Succeeded);

    [Fact]
    public async Task LengthIsCappedWellAboveWhatPeopleType()
    {
        Assert.True((await ValidateAsync(new string('w', 100) + " and then some more words")).Succeeded);
        Assert.Equal("PasswordTooLong", Assert.Single((await ValidateAsync(new string('w', 100) + new string('v', 29))).Errors).Code);
    }

    static Task<IdentityResult> ValidateAsync(string password) =>
        new CommonPasswordValidator().ValidateAsync(null!, Sam, password);
}
