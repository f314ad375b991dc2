using System.Net;
using QuizPlatform.Web.Tests.Features.Classes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Quizzes;

public sealed class QuizPagesTests
{
    [Theory, AllDatabaseProviders]
    public async Task OwnerOpensTheQuizWhileAnotherInstructorGetsNotFound(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quizId = (await scene.Authoring.CreateAsync(scene.Alice, await scene.AliceFormAsync(), "UTC")).QuizId!.Value;
        using var alice = scene.App.CreateNonRedirectingClient();
        using var bob = scene.App.CreateNonRedirectingClient();
        using var _ = await alice.SignInAsync("alice@quiz.local", TestUsers.Password);
        using var __ = await bob.SignInAsync("bob@quiz.local", TestUsers.Password);

        using var own = await alice.GetAsync($"/quizzes/{quizId}");
        var aliceList = await alice.GetStringAsync("/quizzes");
        using var guessed = await bob.GetAsync($"/quizzes/{quizId}");
        var bobList = await bob.GetStringAsync("/quizzes");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Networks quiz", aliceList);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.DoesNotContain("Networks quiz", await guessed.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Networks quiz", bobList);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, "/quizzes")]
    [InlineData(DatabaseProvider.Sqlite, "/quizzes/new")]
    [InlineData(DatabaseProvider.Postgres, "/quizzes/1")]
    public async Task StudentIsDenied(DatabaseProvider provider, string path)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        await scene.Authoring.CreateAsync(scene.Alice, await scene.AliceFormAsync(), "UTC");
        using var client = scene.App.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("sam@quiz.local", TestUsers.Password);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location?.AbsolutePath);
    }
}
