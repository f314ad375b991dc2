using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.AdminAssignments;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Marking;
using QuizPlatform.Web.Features.Quizzes;
using QuizPlatform.Web.Features.Regrading;
using QuizPlatform.Web.Features.Rosters;
using QuizPlatform.Web.Features.Users;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Features.Regrading;
using QuizPlatform.Web.Tests.Features.Rosters;
using QuizPlatform.Web.Tests.Features.Users;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.Web.Tests.Features.Audit;

/// <summary>Each change the issue names, made through its service or endpoint, then looked for in the trail.</summary>
public sealed class ChangeAuditTests
{
    [Fact]
    public async Task AdminChangesToAccountsAreRecordedWithTheAdminAndTheUser()
    {
        await using var database = await TestDatabase.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await UserAdminTests.AdminIdAsync(app);
        var users = app.Services.GetRequiredService<UserAdminService>();

        var created = await users.CreateAsync(admin, "new@quiz.local", "New", [Roles.Student]);
        var id = created.UserId!;
        await users.UpdateAsync(admin, id, "New", [Roles.Student, Roles.Instructor]);
        await users.UpdateAsync(admin, id, "Renamed only", [Roles.Student, Roles.Instructor]);
        await users.SetActiveAsync(admin, id, false);
        await users.SetActiveAsync(admin, id, true);
        await users.ResetPasswordAsync(admin, id);
        var refused = await users.UpdateAsync(admin, admin, "Me", [Roles.Student]);

        Assert.False(refused.Succeeded);
        var lines = await app.AuditAsync();
        Assert.Equal(
        [
            (AuditActions.UserCreated, "Created new@quiz.local with roles Student, with a generated password."),
            (AuditActions.RoleChanged, "Changed the roles of new@quiz.local from Student to Instructor, Student."),
            (AuditActions.UserDeactivated, "Deactivated new@quiz.local."),
            (AuditActions.UserReactivated, "Reactivated new@quiz.local."),
            (AuditActions.PasswordReset, "Reset the password of new@quiz.local to a generated one, to be changed at next sign-in."),
        ], lines.Select(l => (l.Action, l.Summary)));
        Assert.All(lines, l => Assert.Equal((admin, "admin@quiz.local", $"user:{id}"), (l.ActorId, l.ActorEmail, l.Subject)));
    }

    [Fact]
    public async Task ARosterIsRecordedWithItsCountsAndARefusedOneLeavesNoLine()
    {
        await using var database = await TestDatabase.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await RosterTests.ArrangeAsync(app);
        var rosters = app.Services.GetRequiredService<RosterService>();

        var bad = await rosters.ApplyAsync(admin, "email,name,class\nnot-an-email,X,Maths\n");
        var good = await rosters.ApplyAsync(admin, "email,name,class\nava@school.example,Ava,Maths\nfree@school.example,,Maths\n");

        Assert.False(bad.Applied);
        Assert.True(good.Applied);
        var line = await app.SingleAuditAsync(AuditActions.RosterImported);
        Assert.Equal((admin, "Imported a roster of 2 lines: 1 students created, 2 enrolments."), (line.ActorId, line.Summary));
    }

    [Fact]
    public async Task QuizAndClassChangesAreRecordedAndARefusedEditIsNot()
    {
        await using var scene = await QuizScene.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        var form = await scene.AliceFormAsync();
        var quizId = (await scene.Authoring.CreateAsync(scene.Alice, form, "UTC")).QuizId!.Value;
        form.ClosesAt = form.ClosesAt!.Value.AddDays(7);
        form.AttemptsAllowed = 2;
        await scene.Authoring.UpdateAsync(scene.Alice, quizId, form, "UTC");
        await scene.Authoring.UpdateAsync(scene.Alice, quizId, form, "UTC");
        var bobsTry = await scene.Authoring.UpdateAsync(scene.Bob, quizId, form, "UTC");
        var closing = scene.App.Services.GetRequiredService<QuizClosing>();
        var open = await scene.AddQuizAsync();
        await closing.CloseNowAsync(scene.Alice, open);
        await closing.ReopenAsync(scene.Alice, open, null);
        await scene.App.Services.GetRequiredService<ClassService>().RemoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam);

        Assert.Equal(AuthoringOutcome.NotFound, bobsTry.Outcome);
        var lines = await scene.App.AuditAsync();
        Assert.Equal(
        [
            (AuditActions.ClassChanged, $"class:{scene.AlgebraId}", "Created the class Algebra, taught by Alice."),
            (AuditActions.ClassChanged, $"class:{scene.BiologyId}", "Created the class Biology, taught by Bob."),
            (AuditActions.QuizCreated, $"quiz:{quizId}", "Created the quiz Networks quiz."),
            (AuditActions.QuizChanged, $"quiz:{quizId}", "Changed the quiz Networks quiz: attempts allowed, closes at."),
            (AuditActions.QuizClosed, $"quiz:{open}", "Closed the quiz Networks quiz now."),
            (AuditActions.QuizReopened, $"quiz:{open}", "Reopened the quiz Networks quiz with no close time."),
            (AuditActions.ClassChanged, $"class:{scene.AlgebraId}", "Removed sam@quiz.local from Algebra."),
        ], lines.Select(l => (l.Action, l.Subject, l.Summary)));
        Assert.Equal("alice@quiz.local", lines[^1].ActorEmail);
    }

    [Fact]
    public async Task AssignmentImportsAndExportsAreRecorded()
    {
        await using var database = await TestDatabase.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var admin = await UserAdminTests.AdminIdAsync(app);
        var document = Encoding.UTF8.GetBytes("# Week 1\n\n1. What is a kernel?\n\n## Solution\n\n1. A small matrix of weights.\n");
        var administration = app.Services.CreateScope().ServiceProvider.GetRequiredService<AssignmentAdministration>();
        var imported = await administration.ImportAsync(admin, document, "week1.md");
        await administration.ImportAsync(admin, document, "week1.md");
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("admin@quiz.local", TestUsers.Password);

        using var export = await client.GetAsync($"/admin/assignments/{imported.AssignmentId}/export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var lines = (await app.AuditAsync()).Where(l => l.Action != AuditActions.SignIn).ToList();
        Assert.Equal(
        [
            (AuditActions.AssignmentImported, "Imported week1.md as Week 1, version 1, with 1 questions."),
            (AuditActions.AssignmentExported, "Exported Week 1, version 1, as Markdown."),
        ], lines.Select(l => (l.Action, l.Summary)));
        Assert.All(lines, l => Assert.Equal((admin, $"assignment:{imported.AssignmentId}"), (l.ActorId, l.Subject)));
    }

    [Fact]
    public async Task KeywordEditsOverridesRegradesAndResultsExportsAreRecorded()
    {
        await using var scene = await RegradeScene.CreateAsync(Infrastructure.DatabaseProvider.Postgres);
        var gradeId = await scene.AnswerAsync("Ann", "It learns filters.");
        var grade = await scene.GradeAsync(gradeId);
        var attempt = await AttemptOfAsync(scene, gradeId);
        await scene.Marks.MarkAsync(scene.Alice, gradeId, grade.Revision, Mark.Override(1, "Close enough"));
        await scene.Marks.MarkAsync(scene.Alice, gradeId, grade.Revision + 1, Mark.Accept());
        await scene.Editing.SaveAsync(scene.Alice, scene.AssignmentId, scene.Question1,
            RegradeScene.Edited(k => k[0].Alternatives = "kernels"));
        await scene.Preview.ApplyAsync(scene.Alice, scene.QuizId, scene.Question1,
            RegradeScene.Edited(k => (k[0].Alternatives, k[2]) = ("kernels", new() { Phrase = "detectors" })), RegradeMode.AllChanges);
        await scene.Jobs.StartAsync(scene.Alice, scene.QuizId);
        using var alice = await scene.Fixture.ClientAsync("alice@quiz.local");
        using var export = await alice.GetAsync($"/quizzes/{scene.QuizId}/export/grades.csv");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var lines = (await scene.App.AuditAsync()).SkipWhile(l => l.Action != AuditActions.GradeOverridden)
            .Where(l => l.Action != AuditActions.SignIn).ToList();
        Assert.Equal(
        [
            (AuditActions.GradeOverridden, $"grade:{gradeId}", $"Overrode a grade on attempt {attempt}: {Formats.Figure(grade.Score)} → 1 points. Reason: Close enough"),
            (AuditActions.KeywordsEdited, $"question:{scene.Question1}", "Keywords of question 1, key version 2: added 'kernels' as an alternative of 'filters'."),
            (AuditActions.KeywordsEdited, $"question:{scene.Question1}", "Keywords of question 1, key version 3: added 'detectors'; removed 'weights'."),
            (AuditActions.RegradeApplied, $"quiz:{scene.QuizId}", "Regraded 1 answer to question 1 with key version 3: 0 up, 0 down."),
            (AuditActions.RegradeApplied, $"quiz:{scene.QuizId}", "Started regrading the quiz's 0 out-of-date grades with its current keys and grader."),
            (AuditActions.ResultsExported, $"quiz:{scene.QuizId}", "Exported the grades table as csv."),
        ], lines.Select(l => (l.Action, l.Subject, l.Summary)));
        Assert.All(lines, l => Assert.Equal(scene.Alice, l.ActorId));
    }

    static async Task<int> AttemptOfAsync(RegradeScene scene, int gradeId)
    {
        await using var db = scene.App.Services.CreateDbContext();
        return await db.Grades.Where(g => g.Id == gradeId).Select(g => g.Response.AttemptId).SingleAsync();
    }
}
