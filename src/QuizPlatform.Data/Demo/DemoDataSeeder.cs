using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Data.Demo;

/// <summary>
/// Demo data for trying the platform (<c>Seeding:Demo</c>, <c>quiz seed --demo</c>): an admin, an instructor and five
/// students, all with <see cref="Password"/>; the instructor's class <see cref="ClassName"/> with the five students;
/// and an open quiz over every question of the latest <see cref="AssignmentTitle"/> with a 60-minute limit, showing
/// score, keyword feedback and the model answer right after submission. Idempotent: what exists is left as it is
/// (a changed demo password stays changed), only what is missing is added.
/// </summary>
public sealed class DemoDataSeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IDbContextFactory<QuizDbContext> contextFactory,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public const string Password = "Demo-Passphrase-1";
    public const string AdminEmail = "admin@demo.local";
    public const string InstructorEmail = "instructor@demo.local";
    public const string ClassName = "CNN 101";
    public const string ClassJoinCode = "CNNWEEK8";
    public const string QuizTitle = "CNN 101: Assignment-8 practice";
    public const string AssignmentTitle = "Assignment-8";
    public static readonly TimeSpan QuizTimeLimit = TimeSpan.FromMinutes(60);
    public static IReadOnlyList<string> StudentEmails { get; } = [.. Enumerable.Range(1, 5).Select(i => $"student{i}@demo.local")];

    /// <summary>What one run added; <see cref="Missing"/> says what could not be made (the assignment is not imported).</summary>
    public sealed record Summary(int AccountsCreated, bool ClassCreated, int StudentsEnrolled, bool QuizCreated, string? Missing);

    public async Task<Summary> SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await Check(roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
        }

        var created = 0;
        async Task<ApplicationUser> Account(string email, string name, string role)
        {
            var (user, isNew) = await EnsureUserAsync(email, name, role);
            created += isNew ? 1 : 0;
            return user;
        }
        await Account(AdminEmail, "Demo Admin", Roles.Admin);
        var instructor = await Account(InstructorEmail, "Demo Instructor", Roles.Instructor);
        var students = new List<ApplicationUser>();
        for (var i = 0; i < StudentEmails.Count; i++)
            students.Add(await Account(StudentEmails[i], $"Student {i + 1}", Roles.Student));

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var cls = await db.Classes.Include(c => c.Enrollments)
            .FirstOrDefaultAsync(c => c.Name == ClassName && c.InstructorId == instructor.Id, cancellationToken);
        var classCreated = cls is null;
        if (cls is null)
        {
            cls = new Class { Name = ClassName, JoinCode = ClassJoinCode, InstructorId = instructor.Id, CreatedAt = now };
            db.Classes.Add(cls);
        }
        var toEnrol = students.Where(s => cls.Enrollments.All(e => e.StudentId != s.Id)).ToList();
        foreach (var student in toEnrol)
            cls.Enrollments.Add(new Enrollment { StudentId = student.Id, EnrolledAt = now });

        var (quizCreated, missing) = await AddQuizUnlessPresentAsync(db, cls, instructor, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var summary = new Summary(created, classCreated, toEnrol.Count, quizCreated, missing);
        logger.LogInformation(
            "Demo data: {Accounts} account(s) created, class {Class} {ClassState}, {Enrolled} student(s) enrolled, quiz {QuizState}",
            created, ClassName, classCreated ? "created" : "present", toEnrol.Count, quizCreated ? "created" : missing ?? "present");
        if (missing is not null)
            logger.LogWarning("Demo data: {Missing}", missing);
        return summary;
    }

    async Task<(bool Created, string? Missing)> AddQuizUnlessPresentAsync(QuizDbContext db, Class cls, ApplicationUser instructor,
        DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Quizzes.AnyAsync(q => q.Title == QuizTitle && q.CreatedById == instructor.Id, cancellationToken))
            return (false, null);
        var version = await db.AssignmentVersions
            .Where(v => v.Assignment.Title == AssignmentTitle)
            .OrderByDescending(v => v.Version)
            .Select(v => new { v.Id, Questions = v.Questions.OrderBy(q => q.Number).Select(q => new { q.Id, q.DefaultPoints }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
            return (false, $"no quiz: the assignment \"{AssignmentTitle}\" is not imported (enable Seeding or run `quiz seed`)");

        var quiz = new Quiz
        {
            Title = QuizTitle,
            AssignmentVersionId = version.Id,
            CreatedById = instructor.Id,
            CreatedAt = now,
            OpensAt = now,
            ClosesAt = null,
            TimeLimit = QuizTimeLimit,
            AttemptsAllowed = 1,
            QuestionSelection = QuestionSelection.All,
            OnePerPage = true,
            ShowScore = ReviewVisibility.Immediately,
            ShowKeywordFeedback = ReviewVisibility.Immediately,
            ShowModelAnswer = ReviewVisibility.Immediately,
            RegradeRequestWindow = TimeSpan.FromDays(7),
            Questions = [.. version.Questions.Select((q, i) => new QuizQuestion { QuestionId = q.Id, Position = i + 1, Points = q.DefaultPoints })],
        };
        quiz.Classes.Add(new QuizClass { Quiz = quiz, Class = cls });
        db.Quizzes.Add(quiz);
        return (true, null);
    }

    async Task<(ApplicationUser User, bool Created)> EnsureUserAsync(string email, string name, string role)
    {
        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            await Check(users.CreateAsync(user, Password), $"create the demo account {email}");
        }
        if (!await users.IsInRoleAsync(user, role))
            await Check(users.AddToRoleAsync(user, role), $"give {email} the role {role}");
        return (user, created);
    }

    static async Task Check(Task<IdentityResult> operation, string what)
    {
        var result = await operation;
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
