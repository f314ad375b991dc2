using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.RegradeRequests;
using QuizPlatform.Web.Features.Rosters;
using QuizPlatform.Web.Features.Users;
using QuizPlatform.Web.Tests.Features.Attempts;
using QuizPlatform.Web.Tests.Features.Marking;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Features.RegradeRequests;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.AntiAutomation;

/// <summary>
/// A NUL (which PostgreSQL cannot store: the whole save failed with a 500) and other control characters sent to
/// every text input: each is taken without them, or refused with a message naming the character and line.
/// </summary>
public sealed class ControlCharacterInputTests
{
    const string Nul = "\0";

    [Theory, AllDatabaseProviders]
    public async Task UserEmailsWithThemAreRefusedAndNamesFromTheUsersPagesStoredWithoutThem(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var users = scene.App.Services.GetRequiredService<UserAdminService>();
        var admin = await AdminIdAsync(scene.App);

        var badEmail = await users.CreateAsync(admin, $"ni{Nul}ck@quiz.local", "Nick", [Roles.Student]);
        var created = await users.CreateAsync(admin, "nick@quiz.local", $"Nick{Nul} Null\u001b[2J", [Roles.Student]);
        var renamed = await users.UpdateAsync(admin, scene.Sam, $"Sam{Nul} Renamed", [Roles.Student]);

        Assert.False(badEmail.Succeeded);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        Assert.True(renamed.Succeeded, string.Join("; ", renamed.Errors));
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal("Nick Null[2J", (await db.Users.SingleAsync(u => u.Id == created.UserId)).DisplayName);
        Assert.Equal("Sam Renamed", (await db.Users.SingleAsync(u => u.Id == scene.Sam)).DisplayName);
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email!.StartsWith("ni")));
    }

    [Theory, AllDatabaseProviders]
    public async Task TheProfileNameIsStoredWithoutThem(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        using var bell = await sam.SubmitNamedFormAsync("/Account/Manage", "profile", ("Input.Name", "Sam\u0007 Right"), ("Input.PhoneNumber", ""));
        using var nul = await sam.SubmitNamedFormAsync("/Account/Manage", "profile", ("Input.Name", $"Sam{Nul} Wrong"), ("Input.PhoneNumber", ""));

        Assert.Equal(HttpStatusCode.Redirect, bell.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode); // Blazor refuses a static form post holding U+0000
        Assert.Equal("Sam Right", (await sam.GetPageAsync("/Account/Manage")).ByLabel("Name")!.GetAttribute("value"));
    }

    [Theory, AllDatabaseProviders]
    public async Task AProfileNameCannotTurnItselfAndTheEmailBesideItBackwards(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        using var sam = await scene.SignedInAsync("sam@quiz.local");

        // Shown as "Student 1", and the email after it on the instructor's pages as "lacol.ziuq@mas".
        using var posted = await sam.SubmitNamedFormAsync("/Account/Manage", "profile", ("Input.Name", "\u202E1 tnedutS"), ("Input.PhoneNumber", ""));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("1 tnedutS", (await sam.GetPageAsync("/Account/Manage")).ByLabel("Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SigningInWithOneInTheEmailIsRefusedNotAServerError()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Postgres);
        using var client = scene.App.CreateNonRedirectingClient();

        using var nul = await client.SignInAsync($"sam{Nul}@quiz.local", TestUsers.Password);
        using var bell = await client.SignInAsync("sam\u0007@quiz.local", TestUsers.Password);

        // Blazor refuses a static form post holding U+0000 with a bare 400 before the page runs; other controls reach
        // the sign-in, whose look-up strips them like every database parameter (it failed on PostgreSQL).
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, bell.StatusCode);
    }

    [Theory, AllDatabaseProviders]
    public async Task ClassNamesAndQuizTitlesAreStoredWithoutThem(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var created = await scene.App.Services.GetRequiredService<ClassService>().CreateAsync(scene.Alice, $"Geo{Nul}metry");
        var form = await scene.AliceFormAsync();
        form.Title = $"Week{Nul} 1\u0085 quiz";

        var quiz = await scene.Authoring.CreateAsync(scene.Alice, form, "UTC");

        Assert.True(quiz.Saved, string.Join("; ", quiz.Errors.Select(e => e.Message)));
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal("Geometry", (await db.Classes.SingleAsync(c => c.Id == created.Id)).Name);
        Assert.Equal("Week 1 quiz", (await db.Quizzes.SingleAsync(q => q.Id == quiz.QuizId)).Title);
    }

    [Theory, AllDatabaseProviders]
    public async Task ARosterWithOneIsRefusedNamingTheCharacterAndLineAndImportsNothing(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var rosters = scene.App.Services.GetRequiredService<RosterService>();
        var admin = await AdminIdAsync(scene.App);
        var csv = $"email,name,class\numa@quiz.local,Uma,Algebra\nvic@quiz.local,Vic{Nul},Algebra\n";

        var preview = await rosters.PreviewAsync(admin, csv);
        var applied = await rosters.ApplyAsync(admin, csv);

        Assert.Contains("control character U+0000 at line 3", preview.FileError);
        Assert.False(applied.Applied);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "uma@quiz.local" || u.Email == "vic@quiz.local"));
    }

    [Theory, AllDatabaseProviders]
    public async Task AnAssignmentDocumentWithOneIsRefusedOnItsLineAndNothingIsImported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);

        var result = await app.Services.GetRequiredService<AssignmentImporter>().ImportAsync(
            Encoding.UTF8.GetBytes($"# Week 1\n\n1. What is a CNN?{Nul}\n\n## Solution\n\n1. A network of convolution layers.\n"), "week.md");

        Assert.Equal(ImportStatus.Invalid, result.Status);
        Assert.Contains(result.DiagnosticLines, line => line.Contains("control character U+0000") && line.Contains("line 3"));
        await using var db = app.Services.CreateDbContext();
        Assert.False(await db.Assignments.AnyAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task KeywordPhrasesAndAlternativesAreStoredWithoutThem(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        await using var db = scene.App.Services.CreateDbContext();
        var question = await db.Questions.Where(q => q.AssignmentVersionId == scene.VersionId && q.Number == 1)
            .Select(q => new { q.Id, q.AssignmentVersion.AssignmentId }).SingleAsync();
        using var scope = scene.App.Services.CreateScope();

        var errors = await scope.ServiceProvider.GetRequiredService<KeywordEditing>().SaveAsync(scene.Alice, question.AssignmentId, question.Id,
            [new KeywordDraft { Phrase = $"local{Nul} filters", Alternatives = $"kernels{Nul}, weights", Weight = 1 }]);

        Assert.Empty(errors);
        var keyword = await db.QuestionKeywords.AsNoTracking().SingleAsync(k => k.QuestionId == question.Id);
        Assert.Equal("local filters", keyword.Phrase);
        Assert.Equal(["kernels", "weights"], keyword.Alternatives);
    }

    [Theory, AllDatabaseProviders]
    public async Task OverrideReasonsAreStoredWithoutThem(DatabaseProvider provider)
    {
        await using var scene = await MarkingScene.CreateAsync(provider);

        var outcome = await scene.Marks.MarkAsync(scene.Alice, scene.GradeIds[0], 0, Mark.Override(1, $"Said it{Nul} differently", reasonShown: true));

        Assert.IsType<MarkOutcome.Marked>(outcome);
        Assert.Equal("Said it differently", (await scene.GradeAsync(scene.GradeIds[0])).OverrideReason);
    }

    [Theory, AllDatabaseProviders]
    public async Task RegradeRequestsAndRepliesAreStoredWithoutThem(DatabaseProvider provider)
    {
        await using var scene = await RequestScene.CreateAsync(provider);
        var attemptId = await scene.SamAnswersAsync();

        var created = await scene.Requests.CreateAsync(scene.Sam, attemptId, await scene.Question1Async(),
            new RequestDraft(null, null, null, null, $"One keyword{Nul} is enough."));
        var requestId = Assert.IsType<CreateOutcome.Created>(created).RequestId;
        Assert.IsType<ReplyOutcome.Done>(await scene.Inbox.DeclineAsync(scene.Alice, requestId, $"No{Nul}, it is not."));

        var request = await scene.RequestAsync(requestId);
        Assert.Equal(("One keyword is enough.", "No, it is not."), (request.Comment, request.Reply));
    }

    static async Task<string> AdminIdAsync(QuizAppFactory app)
    {
        await using var db = app.Services.CreateDbContext();
        return await db.Users.Where(u => u.Email == "admin@quiz.local").Select(u => u.Id).SingleAsync();
    }
}
