using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Quizzes;
using QuizPlatform.Web.Tests.Features.Quizzes;
using QuizPlatform.Web.Tests.Infrastructure;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.Web.Tests.Features.Classes;

public sealed class ClassServiceTests
{
    [Theory, AllDatabaseProviders]
    public async Task OnlyAClassNobodyJoinedAndNoQuizUsesCanBeDeletedByItsInstructor(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var mistake = await classes.CreateAsync(scene.Alice, "Algebra by mistake");
        var assigned = await classes.CreateAsync(scene.Alice, "Algebra, quiz only");
        await scene.AddQuizAsync(q => q.Classes.Add(new QuizClass { ClassId = assigned.Id }));

        await Assert.ThrowsAsync<KeyNotFoundException>(() => classes.DeleteAsync(scene.Bob, mistake.Id));
        Assert.Null(await classes.DeleteAsync(scene.Alice, mistake.Id));
        const string Kept = "Students are in this class or quizzes are assigned to it, so it is kept.";
        Assert.Equal(Kept, await classes.DeleteAsync(scene.Alice, scene.AlgebraId));
        Assert.Equal(Kept, await classes.DeleteAsync(scene.Alice, assigned.Id));

        Assert.Equal(["Algebra", "Algebra, quiz only"], (await classes.ListAsync(scene.Alice)).Select(c => c.Name));
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(["Deleted the class Algebra by mistake."],
            await db.AuditEntries.Where(e => e.Action == AuditActions.ClassDeleted).Select(e => e.Summary).ToListAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task AClassWhoseTermIsOverIsArchivedOnceItsQuizzesCloseAndNobodyJoinsOrIsGivenAQuizUntilItIsBack(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var join = scene.App.Services.GetRequiredService<EnrollmentService>();
        var code = (await classes.GetAsync(scene.Alice, scene.AlgebraId))!.JoinCode;
        var quizId = await scene.AddQuizAsync(); // open to Algebra until tomorrow
        var latecomer = await TestUsers.CreateUserIdAsync(scene.App, "late@quiz.local", Roles.Student, "Late");

        Assert.Equal("Networks quiz is still open to this class: close it first, so that no student is cut off mid-quiz.",
            await classes.ArchiveAsync(scene.Alice, scene.AlgebraId));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => classes.ArchiveAsync(scene.Bob, scene.AlgebraId));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => classes.ArchiveAsync(scene.Sam, scene.AlgebraId));
        await using (var db = scene.App.Services.CreateDbContext())
            await db.Quizzes.Where(q => q.Id == quizId).ExecuteUpdateAsync(q => q.SetProperty(x => x.ClosesAt, scene.Now.AddMinutes(-1)));
        Assert.Null(await classes.ArchiveAsync(scene.Alice, scene.AlgebraId));

        var archived = Assert.Single(await classes.ListAsync(scene.Alice));
        Assert.NotNull(archived.ArchivedAt);
        // Its code no longer lets anyone in; its students stay, and see the class as before.
        var refused = await join.JoinAsync(latecomer, code);
        Assert.Equal((JoinOutcome.Ended, "Algebra has ended: its code no longer works. Ask your instructor which class to join."),
            (refused.Outcome, refused.Message));
        Assert.Equal(JoinOutcome.AlreadyEnrolled, (await join.JoinAsync(scene.Sam, code)).Outcome);
        // No new quiz for it; the closed quiz keeps it, and a copy for next term leaves it behind.
        var form = await scene.AliceFormAsync();
        Assert.Equal("You can only assign a quiz to your own current classes.",
            Assert.Single((await scene.Authoring.CreateAsync(scene.Alice, form, "UTC")).Errors).Message);
        Assert.Contains(await scene.Choices.ClassesAsync(scene.Alice), c => c.Id == scene.AlgebraId && c.Archived);
        var closedQuiz = (await scene.Authoring.LoadAsync(scene.Alice, quizId, "UTC"))!.Form;
        closedQuiz.Title = "Networks quiz, renamed";
        Assert.True((await scene.Authoring.UpdateAsync(scene.Alice, quizId, closedQuiz, "UTC")).Saved);
        var copy = await scene.Authoring.CopyAsync(scene.Alice, quizId);
        Assert.Empty((await scene.Authoring.LoadAsync(scene.Alice, copy.QuizId!.Value, "UTC"))!.Form.ClassIds);
        // Nor does a roster enrol anyone in it.
        var admin = await TestUsers.CreateUserIdAsync(scene.App, "boss@quiz.local", Roles.Admin);
        var roster = await scene.App.Services.GetRequiredService<QuizPlatform.Web.Features.Rosters.RosterService>()
            .PreviewAsync(admin, "email,name,class\nlate@quiz.local,Late,Algebra\n");
        Assert.Equal("The class \"Algebra\" is archived: bring it back on its page to enrol students in it.", Assert.Single(roster.Rows).Reason);

        Assert.Null(await classes.ArchiveAsync(scene.Alice, scene.AlgebraId, archived: false));
        Assert.Null(Assert.Single(await classes.ListAsync(scene.Alice)).ArchivedAt);
        Assert.Equal(JoinOutcome.Joined, (await join.JoinAsync(latecomer, code)).Outcome);
        await using var check = scene.App.Services.CreateDbContext();
        Assert.Equal(["Archived the class Algebra: its join code no longer works.", "Brought the class Algebra back from the archive."],
            (await check.AuditEntries.Where(e => e.Subject == AuditSubject.Class(scene.AlgebraId) && e.Action == AuditActions.ClassChanged)
                .OrderBy(e => e.Id).Select(e => e.Summary).ToListAsync())[^2..]);
    }

    [Theory, AllDatabaseProviders]
    public async Task AClosedQuizOfAnArchivedClassOpensAgainOnlyOnceTheClassIsBack(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var closing = scene.App.Services.GetRequiredService<QuizClosing>();
        var quizId = await scene.AddQuizAsync();
        await using (var db = scene.App.Services.CreateDbContext())
            await db.Quizzes.Where(q => q.Id == quizId).ExecuteUpdateAsync(q => q.SetProperty(x => x.ClosesAt, scene.Now.AddMinutes(-1)));
        Assert.Null(await classes.ArchiveAsync(scene.Alice, scene.AlgebraId));
        const string refusal = "Algebra is archived, and its students would find the quiz open after their term: bring the class back first, or copy the quiz for your current classes.";

        var reopened = await closing.ReopenAsync(scene.Alice, quizId, null);
        Assert.Equal((false, refusal), (reopened.Done, reopened.Refusal));
        // Nor through the editor, by a later close time or none.
        var form = (await scene.Authoring.LoadAsync(scene.Alice, quizId, "UTC"))!.Form;
        foreach (var closesAt in new DateTime?[] { scene.Now.AddDays(7), null })
        {
            form.ClosesAt = closesAt;
            var saved = await scene.Authoring.UpdateAsync(scene.Alice, quizId, form, "UTC");
            Assert.Equal((AuthoringOutcome.Invalid, nameof(QuizForm.ClosesAt), refusal), (saved.Outcome, Assert.Single(saved.Errors).Field.FieldName, saved.Errors[0].Message));
        }
        await using (var db = scene.App.Services.CreateDbContext())
            Assert.True(await db.Quizzes.Where(q => q.Id == quizId).Select(q => q.ClosesAt <= scene.Now).SingleAsync());

        Assert.Null(await classes.ArchiveAsync(scene.Alice, scene.AlgebraId, archived: false));
        Assert.True((await closing.ReopenAsync(scene.Alice, quizId, null)).Done);
    }

    [Theory, AllDatabaseProviders]
    public async Task AClassIsRenamedByItsInstructorAndGivenToAnotherOnlyByAnAdmin(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var admin = await TestUsers.CreateUserIdAsync(scene.App, "boss@quiz.local", Roles.Admin);

        Assert.Null(await classes.UpdateAsync(scene.Alice, scene.AlgebraId, "  Algebra II "));
        Assert.Equal("Another class is called biology: rosters find classes by name, so choose another.",
            await classes.UpdateAsync(scene.Alice, scene.AlgebraId, "biology"));
        Assert.Equal("A class name has 1 to 200 characters.", await classes.UpdateAsync(scene.Alice, scene.AlgebraId, " "));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => classes.UpdateAsync(scene.Bob, scene.AlgebraId, "Taken over"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => classes.UpdateAsync(scene.Alice, scene.AlgebraId, "Algebra II", scene.Bob));
        Assert.Equal("Choose an active instructor to teach the class.", await classes.UpdateAsync(admin, scene.AlgebraId, "Algebra II", scene.Sam));
        Assert.Null(await classes.UpdateAsync(admin, scene.AlgebraId, "Algebra II", scene.Bob));

        Assert.Empty(await classes.ListAsync(scene.Alice));
        Assert.Equal(["Algebra II", "Biology"], (await classes.ListAsync(scene.Bob)).Select(c => c.Name));
        Assert.Equal(["Sam"], (await classes.GetAsync(scene.Bob, scene.AlgebraId))!.Students.Select(s => s.DisplayName));
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(["Changed the class Algebra: renamed it Algebra II.", "Changed the class Algebra II: gave it to Bob."],
            await db.AuditEntries.Where(e => e.Subject == $"class:{scene.AlgebraId}" && e.Summary.StartsWith("Changed"))
                .OrderBy(e => e.Id).Select(e => e.Summary).ToListAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task InstructorListsOnlyTheirOwnClassesWhileAdminSeesAll(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var classes = app.Services.GetRequiredService<ClassService>();
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        var bob = await TestUsers.CreateUserIdAsync(app, "bob@quiz.local", Roles.Instructor);
        var admin = await TestUsers.CreateUserIdAsync(app, "boss@quiz.local", Roles.Admin);
        await classes.CreateAsync(alice, "Algebra");
        await classes.CreateAsync(bob, "Biology");

        Assert.Equal(["Algebra"], (await classes.ListAsync(alice)).Select(c => c.Name));
        Assert.Equal(["Biology"], (await classes.ListAsync(bob)).Select(c => c.Name));
        Assert.Equal(["Algebra", "Biology"], (await classes.ListAsync(admin)).Select(c => c.Name));
    }

    [Theory, AllDatabaseProviders]
    public async Task NumberedClassesAreListedInTheirNumbersOrderWhereverAnInstructorPicksOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var classes = app.Services.GetRequiredService<ClassService>();
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        foreach (var name in new[] { "Group 10", "group 2", "Group 1" })
            await classes.CreateAsync(alice, name);

        var listed = await classes.ListAsync(alice);
        var choices = await app.Services.GetRequiredService<QuizPlatform.Web.Features.Quizzes.QuizChoices>().ClassesAsync(alice);

        // By the database's order they read "Group 1", "Group 10", "group 2".
        Assert.Equal(["Group 1", "group 2", "Group 10"], listed.Select(c => c.Name));
        Assert.Equal(["Group 1", "group 2", "Group 10"], choices.Select(c => c.Name));
    }

    [Theory, AllDatabaseProviders]
    public async Task NewClassesGetDistinctCodesFromTheUnambiguousAlphabet(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var classes = app.Services.GetRequiredService<ClassService>();
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);

        var codes = new List<string>();
        for (var i = 0; i < 20; i++)
            codes.Add((await classes.CreateAsync(alice, $"Section {i}")).JoinCode);

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code =>
        {
            Assert.Equal(JoinCodes.Length, code.Length);
            Assert.All(code, c => Assert.Contains(c, JoinCodes.Alphabet));
        });
        Assert.DoesNotContain(JoinCodes.Alphabet, c => c is '0' or 'O' or '1' or 'I' or 'L');
    }

    [Theory, AllDatabaseProviders]
    public async Task AnotherInstructorsClassIsMissingWhenGuessedById(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var classes = app.Services.GetRequiredService<ClassService>();
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);
        var bob = await TestUsers.CreateUserIdAsync(app, "bob@quiz.local", Roles.Instructor);
        var admin = await TestUsers.CreateUserIdAsync(app, "boss@quiz.local", Roles.Admin);
        var algebra = await classes.CreateAsync(alice, "Algebra");

        Assert.Null(await classes.GetAsync(bob, algebra.Id));
        Assert.Equal("Algebra", (await classes.GetAsync(alice, algebra.Id))?.Name);
        Assert.Equal("Algebra", (await classes.GetAsync(admin, algebra.Id))?.Name);
    }

    [Theory, AllDatabaseProviders]
    public async Task StudentCannotListOrCreateClasses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var classes = app.Services.GetRequiredService<ClassService>();
        var student = await TestUsers.CreateUserIdAsync(app, "sam@quiz.local", Roles.Student);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => classes.ListAsync(student));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => classes.CreateAsync(student, "Mine"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, "  ")]
    [InlineData(DatabaseProvider.Sqlite, "  ")]
    [InlineData(DatabaseProvider.Postgres, 201)]
    [InlineData(DatabaseProvider.Sqlite, 201)]
    public async Task ClassNameMustBeGivenAndFitTheColumn(DatabaseProvider provider, object name)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var classes = app.Services.GetRequiredService<ClassService>();
        var alice = await TestUsers.CreateUserIdAsync(app, "alice@quiz.local", Roles.Instructor);

        await Assert.ThrowsAsync<ArgumentException>(() => classes.CreateAsync(alice, name as string ?? new string('x', (int)name)));
        Assert.Empty(await classes.ListAsync(alice));
    }

    [Theory, AllDatabaseProviders]
    public async Task RemovingAStudentTakesThemOutOfTheClassAndKeepsTheirAttempts(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quizId = await scene.AddQuizAsync();
        await scene.StartAttemptAsync(quizId);
        var classes = scene.App.Services.GetRequiredService<ClassService>();

        Assert.True(await classes.RemoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam));

        Assert.Empty((await classes.GetAsync(scene.Alice, scene.AlgebraId))!.Students);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(1, await db.Attempts.CountAsync(a => a.QuizId == quizId && a.StudentId == scene.Sam));
        Assert.False(await classes.RemoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam));
    }

    [Theory, AllDatabaseProviders]
    public async Task AStudentRemovedFromAClassCannotJoinAgainOnceItHasANewJoinCode(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var enrolment = scene.App.Services.GetRequiredService<EnrollmentService>();
        var oldCode = (await classes.GetAsync(scene.Alice, scene.AlgebraId))!.JoinCode;
        await classes.RemoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam);

        var newCode = await classes.NewJoinCodeAsync(scene.Alice, scene.AlgebraId);

        Assert.NotNull(newCode);
        Assert.NotEqual(oldCode, newCode);
        Assert.Equal(JoinOutcome.UnknownCode, (await enrolment.JoinAsync(scene.Sam, oldCode)).Outcome);
        Assert.Empty((await classes.GetAsync(scene.Alice, scene.AlgebraId))!.Students);
        Assert.Equal(JoinOutcome.Joined, (await enrolment.JoinAsync(scene.Sam, newCode)).Outcome);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Contains(await db.AuditEntries.Select(e => e.Summary).ToListAsync(),
            summary => summary == "Gave Algebra a new join code; the old one no longer works.");
    }

    [Theory, AllDatabaseProviders]
    public async Task OnlyTheClassOwnerOrAnAdminGivesAClassANewJoinCode(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var admin = await TestUsers.CreateUserIdAsync(scene.App, "boss@quiz.local", Roles.Admin);
        var code = (await classes.GetAsync(scene.Alice, scene.AlgebraId))!.JoinCode;

        // Bob teaches another class: Alice's looks missing to him, as for a guessed id.
        Assert.Null(await classes.NewJoinCodeAsync(scene.Bob, scene.AlgebraId));
        Assert.Null(await classes.NewJoinCodeAsync(scene.Alice, 999_999));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => classes.NewJoinCodeAsync(scene.Sam, scene.AlgebraId));
        Assert.Equal(code, (await classes.GetAsync(scene.Alice, scene.AlgebraId))!.JoinCode);

        var byAdmin = await classes.NewJoinCodeAsync(admin, scene.AlgebraId);
        Assert.Equal(byAdmin, (await classes.GetAsync(scene.Alice, scene.AlgebraId))!.JoinCode);
    }

    [Theory, AllDatabaseProviders]
    public async Task OnlyTheClassOwnerOrAnAdminCanRemoveAStudent(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var admin = await TestUsers.CreateUserIdAsync(scene.App, "boss@quiz.local", Roles.Admin);

        // Bob teaches another class: Alice's looks missing to him, with Sam's id or his own class's id in the mix.
        Assert.False(await classes.RemoveStudentAsync(scene.Bob, scene.AlgebraId, scene.Sam));
        Assert.False(await classes.RemoveStudentAsync(scene.Bob, scene.BiologyId, scene.Sam));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => classes.RemoveStudentAsync(scene.Sam, scene.AlgebraId, scene.Sam));
        Assert.Equal(["Sam"], (await classes.GetAsync(scene.Alice, scene.AlgebraId))!.Students.Select(s => s.DisplayName));

        Assert.True(await classes.RemoveStudentAsync(admin, scene.AlgebraId, scene.Sam));
        Assert.Empty((await classes.GetAsync(scene.Alice, scene.AlgebraId))!.Students);
    }

    [Theory, AllDatabaseProviders]
    public async Task AStudentIsMovedOnlyBetweenClassesTheActorTeachesAndKeepsTheirAttempts(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var quizId = await scene.AddQuizAsync();
        await scene.StartAttemptAsync(quizId);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var admin = await TestUsers.CreateUserIdAsync(scene.App, "boss@quiz.local", Roles.Admin);
        var geometry = (await classes.CreateAsync(scene.Alice, "Geometry")).Id;
        async Task<string[]> SamsClasses()
        {
            await using var db = scene.App.Services.CreateDbContext();
            return [.. await db.Enrollments.Where(e => e.StudentId == scene.Sam).Select(e => e.Class.Name).OrderBy(n => n).ToListAsync()];
        }

        // Guessed ids: from or to a class the actor does not teach reads as missing, and nothing moves.
        Assert.Equal(StudentMove.NoSuchClass, await classes.MoveStudentAsync(scene.Bob, scene.AlgebraId, scene.Sam, scene.BiologyId));
        Assert.Equal(StudentMove.NoSuchClass, await classes.MoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam, scene.BiologyId));
        Assert.Equal(StudentMove.NoSuchClass, await classes.MoveStudentAsync(scene.Alice, scene.BiologyId, scene.Sam, geometry));
        Assert.Equal(StudentMove.NoSuchClass, await classes.MoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam, 999_999));
        Assert.Equal(StudentMove.NoSuchClass, await classes.MoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam, scene.AlgebraId));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => classes.MoveStudentAsync(scene.Sam, scene.AlgebraId, scene.Sam, geometry));
        Assert.Equal(StudentMove.NotInClass, await classes.MoveStudentAsync(scene.Alice, geometry, scene.Sam, scene.AlgebraId));
        Assert.Equal(["Algebra"], await SamsClasses());

        Assert.Equal(StudentMove.Moved, await classes.MoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam, geometry));
        Assert.Equal(["Geometry"], await SamsClasses());
        // An admin moves between any classes, also to another instructor's.
        Assert.Equal(StudentMove.Moved, await classes.MoveStudentAsync(admin, geometry, scene.Sam, scene.BiologyId));
        Assert.Equal(["Biology"], await SamsClasses());
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(1, await db.Attempts.CountAsync(a => a.QuizId == quizId && a.StudentId == scene.Sam));
    }

    /// <summary>
    /// The student joins the target class by its code between the move's check and its save: the unique index on
    /// enrolments refuses the move's insert. On PostgreSQL only: SQLite lets one writer at a time, so the join waits.
    /// </summary>
    [Fact]
    public async Task AMoveRacingAJoinByCodeIntoTheSameClassEndsWithTheStudentMovedOnce()
    {
        await using var scene = await QuizScene.CreateAsync(DatabaseProvider.Postgres);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var geometry = await classes.CreateAsync(scene.Alice, "Geometry");
        var joins = scene.App.Services.GetRequiredService<EnrollmentService>();
        var joinFirst = new JoinBeforeTheSave(() => joins.JoinAsync(scene.Sam, geometry.JoinCode));
        var options = new DbContextOptionsBuilder<QuizDbContext>(scene.App.Services.GetRequiredService<DbContextOptions<QuizDbContext>>())
            .AddInterceptors(joinFirst).Options;
        var racing = new ClassService(new RacingFactory(options), TimeProvider.System, scene.App.Services.GetRequiredService<QuizPlatform.Web.Features.Audit.AuditLog>());

        Assert.Equal(StudentMove.Moved, await racing.MoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam, geometry.Id));

        Assert.Equal(JoinOutcome.Joined, joinFirst.Joined);
        await using var db = scene.App.Services.CreateDbContext();
        Assert.Equal(["Geometry"], await db.Enrollments.Where(e => e.StudentId == scene.Sam).Select(e => e.Class.Name).ToListAsync());
    }

    [Theory, AllDatabaseProviders]
    public async Task AStudentRemovedMeanwhileIsReportedNotInTheClassAndNotRemovedTwice(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var geometry = (await classes.CreateAsync(scene.Alice, "Geometry")).Id;
        var removeFirst = new RemoveBeforeTheTransaction(() => classes.RemoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam));
        var options = new DbContextOptionsBuilder<QuizDbContext>(scene.App.Services.GetRequiredService<DbContextOptions<QuizDbContext>>())
            .AddInterceptors(removeFirst).Options;
        var racing = new ClassService(new RacingFactory(options), TimeProvider.System, scene.App.Services.GetRequiredService<QuizPlatform.Web.Features.Audit.AuditLog>());

        Assert.False(await racing.RemoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam));
        var algebraCode = (await classes.GetAsync(scene.Alice, scene.AlgebraId))!.JoinCode;
        await scene.App.Services.GetRequiredService<EnrollmentService>().JoinAsync(scene.Sam, algebraCode);
        removeFirst.Reset();
        Assert.Equal(StudentMove.NotInClass, await racing.MoveStudentAsync(scene.Alice, scene.AlgebraId, scene.Sam, geometry));

        await using var db = scene.App.Services.CreateDbContext();
        Assert.Empty(await db.Enrollments.Where(e => e.StudentId == scene.Sam).ToListAsync());
        // One line per remove that took Sam out, none for the remove and the move that found them gone.
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Summary.StartsWith("Removed sam@")));
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Summary.StartsWith("Moved sam@")));
    }

    sealed class RacingFactory(DbContextOptions<QuizDbContext> options) : IDbContextFactory<QuizDbContext>
    {
        public QuizDbContext CreateDbContext() => new(options);
    }

    /// <summary>Runs the join once, just before the first save that enrols someone.</summary>
    sealed class JoinBeforeTheSave(Func<Task<JoinResult>> join) : SaveChangesInterceptor
    {
        public JoinOutcome? Joined { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Joined is null && eventData.Context!.ChangeTracker.Entries<Enrollment>().Any(e => e.State == EntityState.Added))
                Joined = (await join()).Outcome;
            return result;
        }
    }

    /// <summary>Runs the remove once, between the racing service's read and its transaction.</summary>
    sealed class RemoveBeforeTheTransaction(Func<Task<bool>> remove) : DbTransactionInterceptor
    {
        bool _done;

        public void Reset() => _done = false;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                Assert.True(await remove());
            }
            return result;
        }
    }

    [Theory, AllDatabaseProviders]
    public async Task ClassListsItsQuizzesOpenFirstWithTheirState(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        await scene.AddQuizAsync(q => q.Title = "Open one");
        await scene.AddQuizAsync(q => (q.Title, q.OpensAt, q.ClosesAt) = ("Closed one", scene.Now.AddDays(-3), scene.Now.AddDays(-1)));
        await scene.AddQuizAsync(q => (q.Title, q.OpensAt, q.ClosesAt) = ("Later one", scene.Now.AddDays(1), null));
        await scene.AddQuizAsync(q =>
        {
            q.Title = "Biology's";
            q.Classes = [new() { ClassId = scene.BiologyId }];
        });
        var classes = scene.App.Services.GetRequiredService<ClassService>();

        var quizzes = (await classes.GetAsync(scene.Alice, scene.AlgebraId))!.Quizzes;

        Assert.Equal([("Open one", ClassQuizState.Open), ("Later one", ClassQuizState.NotYetOpen), ("Closed one", ClassQuizState.Closed)],
            quizzes.Select(q => (q.Title, q.State)));
        Assert.All(quizzes, q => Assert.True(q.Mine));
    }

    [Theory, AllDatabaseProviders]
    public async Task AdminCreatesAClassForAChosenInstructorWhoThenTeachesIt(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var admin = await TestUsers.CreateUserIdAsync(scene.App, "boss@quiz.local", Roles.Admin);

        var instructors = await classes.InstructorsAsync(admin);
        var created = await classes.CreateAsync(admin, "CNN 101", scene.Bob);

        Assert.Equal(["Alice", "Bob"], instructors.Select(i => i.Name));
        Assert.Equal("Bob", created.InstructorName);
        Assert.Equal(["Biology", "CNN 101"], (await classes.ListAsync(scene.Bob)).Select(c => c.Name));
        Assert.DoesNotContain("CNN 101", (await classes.ListAsync(scene.Alice)).Select(c => c.Name));
    }

    [Theory, AllDatabaseProviders]
    public async Task OnlyAnAdminChoosesTheInstructorAndOnlyAnInstructorCanBeChosen(DatabaseProvider provider)
    {
        await using var scene = await QuizScene.CreateAsync(provider);
        var classes = scene.App.Services.GetRequiredService<ClassService>();
        var admin = await TestUsers.CreateUserIdAsync(scene.App, "boss@quiz.local", Roles.Admin);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => classes.CreateAsync(scene.Alice, "Bob's now", scene.Bob));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => classes.InstructorsAsync(scene.Alice));
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => classes.CreateAsync(admin, "Sam's class", scene.Sam));
        Assert.Equal("instructorId", refused.ParamName);
        Assert.Equal(["Biology"], (await classes.ListAsync(scene.Bob)).Select(c => c.Name));
        Assert.Equal(["Algebra", "Biology"], (await classes.ListAsync(admin)).Select(c => c.Name));
    }
}
