using System.Net;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Web.Tests.Features.QuizResults;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features;

/// <summary>
/// Numbers and flags in a page's address that do not read as one ("?class=abc", a number past int's range): each was
/// a 500 before the page's own checks ran, for the quiz's owner and for a student alike. Now the value counts as absent.
/// </summary>
public sealed class MalformedAddressTests
{
    [Theory]
    [InlineData("alice@quiz.local", "/quizzes/{quiz}/results?class=abc", HttpStatusCode.OK)]
    [InlineData("alice@quiz.local", "/quizzes/{quiz}/results/questions?class=99999999999", HttpStatusCode.OK)]
    [InlineData("alice@quiz.local", "/quizzes/{quiz}/results/concepts?class=1.5", HttpStatusCode.OK)]
    [InlineData("alice@quiz.local", "/quizzes/{quiz}/attempts/{attempt}?class=abc", HttpStatusCode.OK)]
    [InlineData("alice@quiz.local", "/quizzes/{quiz}/attempts/{attempt}?empty=abc", HttpStatusCode.OK)]
    [InlineData("alice@quiz.local", "/quizzes/{quiz}/questions/{question}?class=abc&missed=x&min=abc&max=1e999", HttpStatusCode.OK)]
    [InlineData("alice@quiz.local", "/quizzes/{quiz}/requests?answered=abc&closed=-", HttpStatusCode.OK)]
    [InlineData("alice@quiz.local", "/quizzes/{quiz}?created=maybe", HttpStatusCode.OK)]
    [InlineData("alice@quiz.local", "/quizzes/new?version=abc", HttpStatusCode.OK)]
    [InlineData("alice@quiz.local", "/assignments/{assignment}?version=abc", HttpStatusCode.OK)]
    [InlineData("alice@quiz.local", "/assignments/{assignment}/questions/{question}/keywords?quiz=abc", HttpStatusCode.OK)]
    [InlineData("sam@quiz.local", "/attempts/{attempt}/results?regrade-sent=abc", HttpStatusCode.OK)]
    [InlineData("sam@quiz.local", "/quizzes/{quiz}/results?class=abc", HttpStatusCode.NotFound)]
    [InlineData("sam@quiz.local", "/quizzes/{quiz}/questions/{question}?min=abc", HttpStatusCode.NotFound)]
    [InlineData("sam@quiz.local", "/Account/LoginWith2fa?RememberMe=abc", HttpStatusCode.Redirect)]
    public async Task AMalformedNumberInTheAddressCountsAsAbsent(string email, string address, HttpStatusCode expected)
    {
        await using var f = await ResultsFixture.CreateAsync(DatabaseProvider.Sqlite);
        var quiz = await f.AddQuizAsync();
        var attempt = await f.AnswerAndGradeAsync(quiz, f.Scene.Sam, "It learns local filters that detect edges.");
        await using var db = f.App.Services.CreateDbContext();
        var question = await db.Questions.Where(q => q.AssignmentVersionId == f.Scene.VersionId).OrderBy(q => q.Number).FirstAsync();
        var assignment = await db.AssignmentVersions.Where(v => v.Id == f.Scene.VersionId).Select(v => v.AssignmentId).SingleAsync();
        using var client = await f.ClientAsync(email);

        using var response = await client.GetAsync(address.Replace("{quiz}", $"{quiz}").Replace("{attempt}", $"{attempt}")
            .Replace("{question}", $"{question.Id}").Replace("{assignment}", $"{assignment}"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task TheAuditTrailPastTheLastPageOfNumbersIsNotAServerError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        using var admin = await app.CreateSignedInClientAsync("admin@quiz.local");

        using var response = await admin.GetAsync("/admin/audit?page=99999999999");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
