using QuizPlatform.Data;
using QuizPlatform.Web.Tests.Features.Classes;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.StudentHome;

public sealed class StudentHomePageTests
{
    [Theory, AllDatabaseProviders]
    public async Task SignedInStudentsHomeListsTheirClassQuizAndALabelledJoinCodeField(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var algebraForm = await scene.AliceFormAsync();
        (algebraForm.OpensAt, algebraForm.ClosesAt) = (scene.Now.AddDays(30), scene.Now.AddDays(60));
        await scene.Authoring.CreateAsync(scene.Alice, algebraForm, "UTC");
        var biologyForm = await scene.Choices.NewFormAsync(scene.VersionId);
        (biologyForm.Title, biologyForm.ClassIds) = ("Cells quiz", [scene.BiologyId]);
        Assert.True((await scene.Authoring.CreateAsync(scene.Bob, biologyForm, "UTC")).Saved);
        using var sam = scene.App.CreateNonRedirectingClient();
        using var _ = await sam.SignInAsync("sam@quiz.local", TestUsers.Password);

        var home = await sam.GetPageAsync("/");

        Assert.Contains("Networks quiz", home.Text());
        Assert.Contains("Not yet open", home.Text());
        Assert.DoesNotContain("Cells quiz", home.Text());
        Assert.NotNull(home.ByLabel("Join a class with a code"));
    }

    [Fact]
    public async Task StudentEnrolledBeforeAnyQuizIsToldTheirClassNotToJoinOne()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Postgres);
        await TestUsers.CreateUserIdAsync(scene.App, "tess@quiz.local", Roles.Student, "Tess");
        using var sam = scene.App.CreateNonRedirectingClient();
        using var samSignIn = await sam.SignInAsync("sam@quiz.local", TestUsers.Password);
        using var tess = scene.App.CreateNonRedirectingClient();
        using var tessSignIn = await tess.SignInAsync("tess@quiz.local", TestUsers.Password);

        var enrolled = (await sam.GetPageAsync("/")).Text();
        var free = (await tess.GetPageAsync("/")).Text();

        Assert.Contains("No quizzes yet. You are in Algebra: its quizzes appear here once your instructor assigns them.", enrolled);
        Assert.DoesNotContain("Join a class with the code from your instructor", enrolled);
        Assert.Contains("No quizzes yet. Join a class with the code from your instructor to see its quizzes.", free);
    }

    [Fact]
    public async Task OnlyAStudentIsToldTheirQuizAnswersAreSafeWhenTheConnectionDrops()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Sqlite);
        using var sam = scene.App.CreateNonRedirectingClient();
        using var samSignIn = await sam.SignInAsync("sam@quiz.local", TestUsers.Password);
        using var alice = scene.App.CreateNonRedirectingClient();
        using var aliceSignIn = await alice.SignInAsync("alice@quiz.local", TestUsers.Password);

        Assert.Contains("Quiz answers are safe in this browser", await ConnectionBannerAsync(sam));
        var instructors = await ConnectionBannerAsync(alice);
        Assert.Contains("Connection lost.", instructors);
        Assert.DoesNotContain("Quiz answers", instructors);
    }

    static async Task<string> ConnectionBannerAsync(HttpClient client) =>
        (await client.GetPageAsync("/")).GetElementById("components-reconnect-modal")!.Text();
}
