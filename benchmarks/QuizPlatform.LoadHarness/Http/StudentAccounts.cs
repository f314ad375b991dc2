using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.LoadHarness.Http;

/// <summary>
/// Where a run's student accounts come from: real accounts (Identity password hashes), enrolled in the run's class.
/// The one seam for <c>quiz roster import FILE --class NAME</c>, which does what the roster page does.
/// </summary>
public interface IStudentAccounts
{
    /// <summary>Makes each student an active account in the student role, with its password, enrolled in <paramref name="classId"/>.</summary>
    Task EnrolAsync(int classId, string className, IReadOnlyList<StudentLogin> students, CancellationToken ct);
}

/// <summary>
/// Through Identity's <see cref="UserManager{TUser}"/> as the admin pages and the demo data make accounts (its password
/// validators and hasher, 100,000 PBKDF2 rounds in production), one account per core at a time; accounts that exist
/// are kept, so runs on one database share them and a run pays for the hashing once.
/// </summary>
public sealed class IdentityStudentAccounts(IServiceProvider services) : IStudentAccounts
{
    public async Task EnrolAsync(int classId, string className, IReadOnlyList<StudentLogin> students, CancellationToken ct)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<QuizDbContext>>();
        Dictionary<string, string> existing;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            existing = await db.Users.Where(u => u.Email!.EndsWith(ConcurrencyClass.EmailDomain))
                .ToDictionaryAsync(u => u.Email!, u => u.Id, ct);

        var made = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(existing);
        await Parallel.ForEachAsync(students.Where(s => !existing.ContainsKey(s.Email)),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (student, _) =>
            {
                using var scope = services.CreateScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                var user = new ApplicationUser { UserName = student.Email, Email = student.Email, EmailConfirmed = true, DisplayName = student.Email };
                Check(await users.CreateAsync(user, student.Password), student.Email);
                Check(await users.AddToRoleAsync(user, Roles.Student), student.Email);
                made[student.Email] = user.Id;
            });

        await using var context = await dbFactory.CreateDbContextAsync(ct);
        var enrolled = (await context.Enrollments.Where(e => e.ClassId == classId).Select(e => e.StudentId).ToListAsync(ct)).ToHashSet();
        var now = DateTime.UtcNow;
        context.Enrollments.AddRange(students.Select(s => made[s.Email]).Where(id => !enrolled.Contains(id))
            .Select(id => new Enrollment { ClassId = classId, StudentId = id, EnrolledAt = now }));
        await context.SaveChangesAsync(ct);
    }

    static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not make the account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
