using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.QuizResults;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.QuizResults;

/// <summary>
/// A quiz's results are its owner's and the admins': another instructor, a student, a deactivated instructor and a
/// guessed id all find nothing there, exactly as for a quiz that does not exist.
/// </summary>
public sealed class QuizResultsAccessTests
{
    static readonly string[] Exports =
        [.. QuizExports.Tables.SelectMany(table => new[] { $"{table}.csv", $"{table}.xlsx" })];

    sealed record Scene(ResultsFixture Fixture, int QuizId, int AttemptId, int QuestionId)
    {
        public IEnumerable<string> Pages(int quizId) =>
        [
            $"/quizzes/{quizId}/results", $"/quizzes/{quizId}/results/questions", $"/quizzes/{quizId}/results/concepts",
            $"/quizzes/{quizId}/attempts/{AttemptId}", $"/quizzes/{quizId}/questions/{QuestionId}",
        ];

        public IEnumerable<string> Downloads(int quizId) => Exports.Select(e => $"/quizzes/{quizId}/export/{e}");
    }

    static async Task<Scene> SceneAsync(DatabaseProvider provider)
    {
        var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        var attempt = await f.GradedAsync(quiz, f.Scene.Sam, 1, 1, 2, 3);
        await using var db = f.App.Services.CreateDbContext();
        var question = await db.QuizQuestions.Where(q => q.QuizId == quiz).OrderBy(q => q.Position).Select(q => q.QuestionId).FirstAsync();
        return new(f, quiz, attempt, question);
    }

    [Theory, AllDatabaseProviders]
    public async Task OwnerAndAdminReadEveryPageAndDownload(DatabaseProvider provider)
    {
        var scene = await SceneAsync(provider);
        await using var _ = scene.Fixture;

        foreach (var email in new[] { "alice@quiz.local", "admin@quiz.local" })
        {
            using var client = await scene.Fixture.ClientAsync(email);
            foreach (var url in scene.Pages(scene.QuizId).Concat(scene.Downloads(scene.QuizId)))
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} got {response.StatusCode} for {url}");
            }
        }
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherInstructorAStudentAndAGuessedIdFindNothing(DatabaseProvider provider)
    {
        var scene = await SceneAsync(provider);
        await using var _ = scene.Fixture;
        var f = scene.Fixture;
        var results = f.App.Services.GetRequiredService<QuizPlatform.Web.Features.QuizResults.QuizResults>();
        var review = f.App.Services.GetRequiredService<AnswerReview>();

        foreach (var (actor, quizId) in new[] { (f.Scene.Bob, scene.QuizId), (f.Scene.Sam, scene.QuizId), (f.Alice, scene.QuizId + 1000) })
        {
            Assert.Null(await results.LoadAsync(actor, quizId));
            Assert.Null(await review.AttemptAsync(actor, quizId, scene.AttemptId));
            Assert.Null(await review.QuestionAsync(actor, quizId, scene.QuestionId));
        }
        foreach (var (email, quizId) in new[] { ("bob@quiz.local", scene.QuizId), ("sam@quiz.local", scene.QuizId), ("alice@quiz.local", scene.QuizId + 1000) })
        {
            using var client = await f.ClientAsync(email);
            await AssertNotFoundAsync(client, scene.Pages(quizId).Concat(scene.Downloads(quizId)), email);
        }
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAttemptOrQuestionOfAnotherQuizIsNotFoundUnderThisOne(DatabaseProvider provider)
    {
        var scene = await SceneAsync(provider);
        await using var _ = scene.Fixture;
        var other = await scene.Fixture.AddQuizAsync();
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");

        await AssertNotFoundAsync(alice, [$"/quizzes/{other}/attempts/{scene.AttemptId}", "/quizzes/" + scene.QuizId + "/export/secrets.csv",
            $"/quizzes/{scene.QuizId}/export/grades.pdf"], "alice");
    }

    [Theory, AllDatabaseProviders]
    public async Task ADeactivatedInstructorWithALiveCookieFindsNothing(DatabaseProvider provider)
    {
        var scene = await SceneAsync(provider);
        await using var _ = scene.Fixture;
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");
        using (var response = await alice.GetAsync($"/quizzes/{scene.QuizId}/export/grades.csv"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using (var scope = scene.Fixture.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(scene.Fixture.Alice))!;
            user.IsActive = false;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        // Deactivation ends her sessions: the live cookie is sent to sign in, and nothing of the quiz comes back.
        foreach (var url in scene.Pages(scene.QuizId).Concat(scene.Downloads(scene.QuizId)))
        {
            using var response = await alice.GetAsync(url);
            response.AssertSentToSignIn();
            Assert.DoesNotContain("Networks quiz", await response.Content.ReadAsStringAsync());
        }
    }

    static async Task AssertNotFoundAsync(HttpClient client, IEnumerable<string> urls, string who)
    {
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who} got {(int)response.StatusCode} for {url}");
            Assert.DoesNotContain("Networks quiz", body);
        }
    }
}
