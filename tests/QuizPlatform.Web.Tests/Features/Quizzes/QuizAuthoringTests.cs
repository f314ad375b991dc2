using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Quizzes;

public sealed class QuizAuthoringTests
{
    [Theory, AllDatabaseProviders]
    public async Task CreatedQuizStoresTimesInUtcConvertedFromTheEditorsZone(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var form = await scene.AliceFormAsync();
        form.Questions[1].Points = 2.5;
        form.Accommodations = [new AccommodationForm { StudentId = scene.Sam, TimeMultiplier = 1.5, ExtendedClosesAt = new DateTime(2027, 7, 16, 9, 0, 0) }];

        var result = await scene.Authoring.CreateAsync(scene.Alice, form, "Europe/Berlin");

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Message)));
        await using var db = scene.App.Services.CreateDbContext();
        var quiz = await db.Quizzes.Include(q => q.Questions).Include(q => q.Classes).Include(q => q.Accommodations)
            .SingleAsync(q => q.Id == result.QuizId);
        Assert.Equal(new DateTime(2027, 1, 15, 8, 0, 0, DateTimeKind.Utc), quiz.OpensAt); // CET, UTC+1
        Assert.Equal(new DateTime(2027, 7, 15, 7, 0, 0, DateTimeKind.Utc), quiz.ClosesAt); // CEST, UTC+2
        Assert.Equal(new DateTime(2027, 7, 16, 7, 0, 0, DateTimeKind.Utc), quiz.Accommodations.Single().ExtendedClosesAt);
        Assert.Equal(TimeSpan.FromMinutes(30), quiz.TimeLimit);
        Assert.Equal([1.0, 2.5, 1.0], quiz.Questions.OrderBy(q => q.Position).Select(q => q.Points));
        Assert.Equal([scene.AlgebraId], quiz.Classes.Select(c => c.ClassId));

        var loaded = await scene.Authoring.LoadAsync(scene.Alice, quiz.Id, "America/New_York");
        Assert.Equal(new DateTime(2027, 1, 15, 3, 0, 0), loaded!.Form.OpensAt);
    }

    [Theory, AllDatabaseProviders]
    public async Task RandomSubsetKeepsOnlyTheTickedQuestionsAndTheCount(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var form = await scene.AliceFormAsync();
        form.Selection = QuestionSelection.RandomPerStudent;
        form.Questions[1].Selected = form.Questions[2].Selected = true;
        form.RandomCount = 1;

        var result = await scene.Authoring.CreateAsync(scene.Alice, form, "UTC");

        var loaded = await scene.Authoring.LoadAsync(scene.Alice, result.QuizId!.Value, "UTC");
        Assert.Equal([false, true, true], loaded!.Form.Questions.Select(q => q.Selected));
        Assert.Equal(1, loaded.Form.RandomCount);
    }

    [Theory, AllDatabaseProviders]
    public async Task AQuizOfAllQuestionsHasNoneTickedSoChoosingASubsetStartsFromNone(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var fresh = await scene.AliceFormAsync();
        var quizId = (await scene.Authoring.CreateAsync(scene.Alice, fresh, "UTC")).QuizId!.Value;

        var loaded = (await scene.Authoring.LoadAsync(scene.Alice, quizId, "UTC"))!.Form;

        Assert.All([fresh, loaded], form => Assert.Equal([false, false, false], form.Questions.Select(q => q.Selected)));
        Assert.Equal(3, loaded.SelectedQuestions.Count());
        loaded.Selection = QuestionSelection.Subset;
        Assert.Empty(loaded.SelectedQuestions);
    }

    [Theory, AllDatabaseProviders]
    public async Task AccommodationNamesAStudentWhoHasJoinedNoClassYetButNoOneElse(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        await TestUsers.CreateUserIdAsync(scene.App, "nia@quiz.local", Roles.Student, "Nia");
        var nia = await scene.Choices.StudentByEmailAsync(" NIA@quiz.local ");
        var form = await scene.AliceFormAsync();
        form.Accommodations = [new AccommodationForm { StudentId = nia!.StudentId, StudentName = nia.Name, TimeMultiplier = 2 }];

        var result = await scene.Authoring.CreateAsync(scene.Alice, form, "UTC");

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal("Nia", nia.Name);
        Assert.Null(await scene.Choices.StudentByEmailAsync("bob@quiz.local")); // an instructor
        Assert.Null(await scene.Choices.StudentByEmailAsync("nobody@quiz.local"));
        var loaded = await scene.Authoring.LoadAsync(scene.Alice, result.QuizId!.Value, "UTC");
        Assert.Equal([("Nia", 2.0)], loaded!.Form.Accommodations.Select(a => (a.StudentName, a.TimeMultiplier)));
    }

    public static TheoryData<DatabaseProvider, string, string> Invalid() => new()
    {
        { DatabaseProvider.Postgres, "close before open", nameof(QuizForm.ClosesAt) },
        { DatabaseProvider.Sqlite, "close before open", nameof(QuizForm.ClosesAt) },
        { DatabaseProvider.Postgres, "more random than selected", nameof(QuizForm.RandomCount) },
        { DatabaseProvider.Sqlite, "more random than selected", nameof(QuizForm.RandomCount) },
        { DatabaseProvider.Postgres, "zero points", nameof(QuestionChoice.Points) },
        { DatabaseProvider.Sqlite, "no question ticked", nameof(QuizForm.Questions) },
        { DatabaseProvider.Postgres, "time skipped by the clocks", nameof(QuizForm.OpensAt) },
        { DatabaseProvider.Sqlite, "accommodation for a stranger", nameof(AccommodationForm.StudentId) },
        { DatabaseProvider.Postgres, "no title", nameof(QuizForm.Title) },
        { DatabaseProvider.Sqlite, "another instructor's class", nameof(QuizForm.ClassIds) },
    };

    [Theory, MemberData(nameof(Invalid))]
    public async Task InvalidFormIsRefusedNextToTheFieldAndNothingIsStored(DatabaseProvider provider, string problem, string field)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var form = await scene.AliceFormAsync();
        Action<QuizForm> spoil = problem switch
        {
            "close before open" => f => f.ClosesAt = f.OpensAt!.Value.AddMinutes(-1),
            "more random than selected" => f => (f.Selection, f.RandomCount) = (QuestionSelection.RandomPerStudent, 4),
            "zero points" => f => f.Questions[2].Points = 0,
            "no question ticked" => f => { f.Selection = QuestionSelection.Subset; f.Questions.ForEach(q => q.Selected = false); },
            "time skipped by the clocks" => f => f.OpensAt = new DateTime(2027, 3, 28, 2, 30, 0),
            "accommodation for a stranger" => f => f.Accommodations = [new AccommodationForm { StudentId = scene.Bob, TimeMultiplier = 2 }],
            "no title" => f => f.Title = " ",
            "another instructor's class" => f => f.ClassIds = [scene.AlgebraId, scene.BiologyId],
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        spoil(form);

        var result = await scene.Authoring.CreateAsync(scene.Alice, form, "Europe/Berlin");

        Assert.Equal(AuthoringOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Field.FieldName == field);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.False(await db.Quizzes.AnyAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherInstructorCannotReadEditOrCopyAQuizByGuessedId(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quizId = (await scene.Authoring.CreateAsync(scene.Alice, await scene.AliceFormAsync(), "UTC")).QuizId!.Value;
        var bobsForm = await scene.AliceFormAsync();
        bobsForm.Title = "Taken over";
        bobsForm.ClassIds = [scene.BiologyId];

        Assert.Null(await scene.Authoring.LoadAsync(scene.Bob, quizId, "UTC"));
        Assert.Equal(AuthoringOutcome.NotFound, (await scene.Authoring.UpdateAsync(scene.Bob, quizId, bobsForm, "UTC")).Outcome);
        Assert.Equal(AuthoringOutcome.NotFound, (await scene.Authoring.CopyAsync(scene.Bob, quizId)).Outcome);
        Assert.Equal(AuthoringOutcome.NotFound, (await scene.Authoring.DeleteAsync(scene.Bob, quizId)).Outcome);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scene.Authoring.DeleteAsync(scene.Sam, quizId));
        Assert.Empty(await scene.Authoring.ListAsync(scene.Bob));
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(["Networks quiz"], await db.Quizzes.Select(q => q.Title).ToListAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task AQuizNoStudentHasStartedCanBeDeletedAndOneTheyHaveIsKept(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var form = await scene.AliceFormAsync();
        form.Accommodations = [new AccommodationForm { StudentId = scene.Sam, TimeMultiplier = 2 }];
        var mistake = (await scene.Authoring.CreateAsync(scene.Alice, form, "UTC")).QuizId!.Value;
        var started = (await scene.Authoring.CreateAsync(scene.Alice, await scene.AliceFormAsync(), "UTC")).QuizId!.Value;
        await scene.StartAttemptAsync(started);

        var deleted = await scene.Authoring.DeleteAsync(scene.Alice, mistake);
        var kept = await scene.Authoring.DeleteAsync(scene.Alice, started);

        Assert.True(deleted.Saved);
        Assert.Equal(AuthoringOutcome.Locked, kept.Outcome);
        Assert.Equal("Students have started this quiz, so it is kept with their attempts and results. Close it instead.", kept.Reason);
        Assert.Equal([started], (await scene.Authoring.ListAsync(scene.Alice)).Select(q => q.Id));
        Assert.Equal(AuthoringOutcome.NotFound, (await scene.Authoring.DeleteAsync(scene.Alice, mistake)).Outcome);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.False(await db.QuizQuestions.AnyAsync(q => q.QuizId == mistake));
        Assert.False(await db.QuizClasses.AnyAsync(c => c.QuizId == mistake));
        Assert.False(await db.Accommodations.AnyAsync(a => a.QuizId == mistake));
        Assert.Equal(1, await db.Attempts.CountAsync(a => a.QuizId == started));
        Assert.Equal("Deleted the quiz Networks quiz.",
            await db.AuditEntries.Where(e => e.Action == AuditActions.QuizDeleted && e.ActorId == scene.Alice).Select(e => e.Summary).SingleAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task InstructorCannotAssignTheirQuizToAClassTheyDoNotOwn(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var form = await scene.AliceFormAsync();
        var quizId = (await scene.Authoring.CreateAsync(scene.Alice, form, "UTC")).QuizId!.Value;
        form.ClassIds = [scene.AlgebraId, scene.BiologyId];

        var result = await scene.Authoring.UpdateAsync(scene.Alice, quizId, form, "UTC");

        Assert.Equal(AuthoringOutcome.Invalid, result.Outcome);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal([scene.AlgebraId], await db.QuizClasses.Where(c => c.QuizId == quizId).Select(c => c.ClassId).ToListAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task StartedQuizRefusesQuestionChangesButAcceptsExtensionsAndCopiesFreely(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quizId = (await scene.Authoring.CreateAsync(scene.Alice, await scene.AliceFormAsync(), "UTC")).QuizId!.Value;
        await scene.StartAttemptAsync(quizId);

        var repoint = (await scene.Authoring.LoadAsync(scene.Alice, quizId, "UTC"))!.Form;
        repoint.Questions[0].Points = 5;
        var refused = await scene.Authoring.UpdateAsync(scene.Alice, quizId, repoint, "UTC");

        var extend = (await scene.Authoring.LoadAsync(scene.Alice, quizId, "UTC"))!.Form;
        extend.ClosesAt = extend.ClosesAt!.Value.AddDays(7);
        extend.TimeLimitMinutes = 45;
        extend.Accommodations = [new AccommodationForm { StudentId = scene.Sam, TimeMultiplier = 2 }];
        var extended = await scene.Authoring.UpdateAsync(scene.Alice, quizId, extend, "UTC");

        var shorten = (await scene.Authoring.LoadAsync(scene.Alice, quizId, "UTC"))!.Form;
        shorten.TimeLimitMinutes = 10;
        var shortened = await scene.Authoring.UpdateAsync(scene.Alice, quizId, shorten, "UTC");

        Assert.Equal(AuthoringOutcome.Locked, refused.Outcome);
        Assert.Contains("Make a copy", refused.Reason);
        Assert.Contains(refused.Errors, e => e.Field.FieldName == nameof(QuizForm.Questions));
        Assert.True(extended.Saved);
        Assert.Equal(AuthoringOutcome.Locked, shortened.Outcome);
        Assert.Contains(shortened.Errors, e => e.Field.FieldName == nameof(QuizForm.TimeLimitMinutes));

        var copy = await scene.Authoring.CopyAsync(scene.Alice, quizId);
        var copied = await scene.Authoring.LoadAsync(scene.Alice, copy.QuizId!.Value, "UTC");
        Assert.False(copied!.Locked);
        Assert.Equal("Networks quiz (copy)", copied.Form.Title);
        Assert.Equal([scene.Sam], copied.Form.Accommodations.Select(a => a.StudentId));
        copied.Form.Questions[0].Points = 5;
        Assert.True((await scene.Authoring.UpdateAsync(scene.Alice, copy.QuizId.Value, copied.Form, "UTC")).Saved);

        await using var db = scene.App.Services.CreateDbContext();
        var original = await db.QuizQuestions.Where(q => q.QuizId == quizId).OrderBy(q => q.Position).Select(q => q.Points).ToListAsync();
        Assert.Equal([1.0, 1.0, 1.0], original);
        Assert.Equal(TimeSpan.FromMinutes(45), (await db.Quizzes.SingleAsync(q => q.Id == quizId)).TimeLimit);
    }
}
