using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.LoadHarness.Http;

/// <summary>
/// The school of a run: one instructor's class <see cref="ClassName"/> of students <c>student00001@concurrency.local</c>
/// and up, all with <see cref="Password"/>, made through <see cref="IStudentAccounts"/> and kept for later runs on the same
/// database; and a new open quiz over the first questions of the seed assignment for each run (one attempt each).
/// </summary>
public sealed record ConcurrencyClass(int QuizId, IReadOnlyList<StudentLogin> Students, IReadOnlyList<RushQuestion> Questions)
{
    public const string EmailDomain = "@concurrency.local";
    public const string ClassName = "Concurrency";
    public const string Password = "harness passphrase for a whole school";

    public static async Task<ConcurrencyClass> CreateAsync(IServiceProvider services, IStudentAccounts accounts, int students,
        int questions, string title, CancellationToken ct = default)
    {
        var versionId = await RushClass.PrepareDatabaseAsync(services, ct);
        var instructorId = await InstructorAsync(services);
        var dbFactory = services.GetRequiredService<IDbContextFactory<QuizDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cls = await db.Classes.FirstOrDefaultAsync(c => c.Name == ClassName && c.InstructorId == instructorId, ct);
        if (cls is null)
        {
            cls = new Class { Name = ClassName, JoinCode = "CONCURRENCY", InstructorId = instructorId, CreatedAt = DateTime.UtcNow };
            db.Classes.Add(cls);
            await db.SaveChangesAsync(ct);
        }
        var logins = Enumerable.Range(1, students).Select(i => new StudentLogin($"student{i:D5}{EmailDomain}", Password)).ToList();
        await accounts.EnrolAsync(cls.Id, ClassName, logins, ct);

        var (quiz, asked) = await RushClass.AddQuizAsync(db, versionId, cls, instructorId, title, questions,
            open: TimeSpan.FromHours(3), timeLimit: TimeSpan.FromHours(2), ct);
        await db.SaveChangesAsync(ct);
        return new ConcurrencyClass(quiz.Id, logins, asked);
    }

    static async Task<string> InstructorAsync(IServiceProvider services)
    {
        const string email = "instructor" + EmailDomain;
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is { } existing)
            return existing.Id;
        var instructor = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Harness instructor" };
        if (!(await users.CreateAsync(instructor, Password)).Succeeded || !(await users.AddToRoleAsync(instructor, Roles.Instructor)).Succeeded)
            throw new InvalidOperationException($"Could not make the account {email}.");
        return instructor.Id;
    }
}
