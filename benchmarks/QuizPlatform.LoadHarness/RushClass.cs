using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Benchmarks;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Data.Startup;

namespace QuizPlatform.LoadHarness;

/// <summary>A quiz question as the harness answers it: its id, and its index in the seed (for the answer texts).</summary>
public sealed record RushQuestion(int QuestionId, int SeedIndex);

/// <summary>
/// One instructor's class of students with an open quiz over the first questions of the seed assignment, imported
/// by the real <see cref="AssignmentImporter"/> into a migrated database. Each run makes its own class and accounts
/// (a run tag in the e-mails), so runs on one database do not collide. The instructor owns the quiz and reads its results.
/// </summary>
public sealed record RushClass(int QuizId, string InstructorId, IReadOnlyList<string> StudentIds, IReadOnlyList<RushQuestion> Questions)
{
    public static async Task<RushClass> CreateAsync(IServiceProvider services, RushSettings settings, CancellationToken ct = default)
    {
        var versionId = await PrepareDatabaseAsync(services, ct);

        // Accounts as rows rather than through UserManager.CreateAsync: hashing 500 passwords would take most of a
        // minute and measure nothing the rush does. The role check (Actor.LoadAsync) reads exactly these rows.
        await using var db = await services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct);
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var run = Guid.NewGuid().ToString("N")[..8];
        var instructor = Account($"rush-{run}-instructor@load.local");
        var students = Enumerable.Range(1, settings.Students).Select(i => Account($"rush-{run}-student{i:D4}@load.local")).ToList();
        db.Users.AddRange([instructor, .. students]);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = instructor.Id, RoleId = roleIds[Roles.Instructor] });
        db.UserRoles.AddRange(students.Select(s => new IdentityUserRole<string> { UserId = s.Id, RoleId = roleIds[Roles.Student] }));

        var now = DateTime.UtcNow;
        var cls = new Class
        {
            Name = $"Rush {run}", JoinCode = $"RUSH-{run}", InstructorId = instructor.Id, CreatedAt = now,
            Enrollments = [.. students.Select(s => new Enrollment { StudentId = s.Id, EnrolledAt = now })],
        };
        db.Classes.Add(cls);
        var (quiz, questions) = await AddQuizAsync(db, versionId, cls, instructor.Id, $"Deadline rush {run}", settings.Questions,
            TimeSpan.FromHours(2), TimeSpan.FromMinutes(60), ct);
        await db.SaveChangesAsync(ct);
        return new RushClass(quiz.Id, instructor.Id, [.. students.Select(s => s.Id)], questions);
    }

    /// <summary>Migrates the database, imports the seed assignment (unchanged when already there) and makes the roles; returns the seed's version.</summary>
    public static async Task<int> PrepareDatabaseAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        var seed = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Seeds", "assignment-8.md"), ct);
        var import = await services.GetRequiredService<AssignmentImporter>().ImportAsync(seed, "assignment-8.md", cancellationToken: ct);
        var versionId = import.AssignmentVersionId
            ?? throw new InvalidOperationException("The seed did not import: " + string.Join("; ", import.DiagnosticLines));

        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
        return versionId;
    }

    /// <summary>
    /// An open one-attempt quiz over the first <paramref name="count"/> questions of the seed version, for
    /// <paramref name="cls"/>, open for <paramref name="open"/> from a minute ago, with a time limit, scores shown at once.
    /// </summary>
    public static async Task<(Quiz Quiz, IReadOnlyList<RushQuestion> Questions)> AddQuizAsync(QuizDbContext db, int versionId, Class cls,
        string instructorId, string title, int count, TimeSpan open, TimeSpan timeLimit, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var questions = await db.Questions.Where(q => q.AssignmentVersionId == versionId).OrderBy(q => q.Number)
            .Select(q => new { q.Id, q.DefaultPoints }).Take(count).ToListAsync(ct);
        var quiz = new Quiz
        {
            Title = title, AssignmentVersionId = versionId, CreatedById = instructorId, CreatedAt = now,
            OpensAt = now.AddMinutes(-1), ClosesAt = now + open, TimeLimit = timeLimit, AttemptsAllowed = 1,
            QuestionSelection = QuestionSelection.All, OnePerPage = true, ShowScore = ReviewVisibility.Immediately,
            ShowKeywordFeedback = ReviewVisibility.Immediately,
            Questions = [.. questions.Select((q, i) => new QuizQuestion { QuestionId = q.Id, Position = i + 1, Points = q.DefaultPoints })],
        };
        quiz.Classes.Add(new QuizClass { Quiz = quiz, Class = cls });
        db.Quizzes.Add(quiz);
        return (quiz, [.. questions.Select((q, i) => new RushQuestion(q.Id, i))]);
    }

    /// <summary>An earlier run's quiz in the same database (for timing its results again without a new rush).</summary>
    public static async Task<RushClass> LoadAsync(IServiceProvider services, int quizId, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<QuizDbContext>>().CreateDbContextAsync(ct);
        var quiz = await db.Quizzes.Where(q => q.Id == quizId)
            .Select(q => new { q.CreatedById, Questions = q.Questions.OrderBy(x => x.Position).Select(x => x.QuestionId).ToList() })
            .SingleAsync(ct);
        var students = await db.Attempts.Where(a => a.QuizId == quizId).Select(a => a.StudentId).Distinct().ToListAsync(ct);
        return new RushClass(quizId, quiz.CreatedById, students, [.. quiz.Questions.Select((id, i) => new RushQuestion(id, i))]);
    }

    static ApplicationUser Account(string email) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true, DisplayName = email, SecurityStamp = Guid.NewGuid().ToString("N"),
    };
}
