using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Data;

/// <summary>
/// The platform's database: Identity, sessions, Data Protection keys and the audit trail plus assignments, classes,
/// quizzes, attempts and grades. One model, two providers (PostgreSQL in production, SQLite embedded), each with its
/// own migrations assembly. After a model change add a migration for both, from the repository root:
/// <code>
/// dotnet ef migrations add NAME --project src/QuizPlatform.Migrations.Postgres --startup-project src/QuizPlatform.Web -- --Database:Provider=Postgres
/// dotnet ef migrations add NAME --project src/QuizPlatform.Migrations.Sqlite --startup-project src/QuizPlatform.Web -- --Database:Provider=Sqlite
/// </code>
/// </summary>
public class QuizDbContext(DbContextOptions<QuizDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The active (not deactivated) users in <paramref name="role"/>, one of <see cref="Data.Roles"/>.</summary>
    public IQueryable<ApplicationUser> ActiveUsersInRole(string role) =>
        Users.Where(u => u.IsActive && UserRoles.Any(ur => ur.UserId == u.Id && Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<AssignmentVersion> AssignmentVersions => Set<AssignmentVersion>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionKeyword> QuestionKeywords => Set<QuestionKeyword>();
    public DbSet<Class> Classes => Set<Class>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<Quiz> Quizzes => Set<Quiz>();
    public DbSet<QuizQuestion> QuizQuestions => Set<QuizQuestion>();
    public DbSet<QuizClass> QuizClasses => Set<QuizClass>();
    public DbSet<Accommodation> Accommodations => Set<Accommodation>();
    public DbSet<Attempt> Attempts => Set<Attempt>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<RefusedSave> RefusedSaves => Set<RefusedSave>();
    public DbSet<Grade> Grades => Set<Grade>();
    public DbSet<GradeChange> GradeChanges => Set<GradeChange>();
    public DbSet<KeywordSetVersion> KeywordSetVersions => Set<KeywordSetVersion>();
    public DbSet<RegradeRequest> RegradeRequests => Set<RegradeRequest>();
    public DbSet<RegradeJob> RegradeJobs => Set<RegradeJob>();
    public DbSet<LearnedKey> LearnedKeys => Set<LearnedKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    /// <summary>ASP.NET Core Data Protection's key ring, shared by every app instance (cookies, antiforgery, reset links).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    // Fixed here rather than read from IdentityOptions, so every host (web, CLI, design time, tests) builds the
    // same model whether or not it registered Identity.
    protected override Version SchemaVersion => IdentitySchemaVersions.Version3;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(QuizDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All times are UTC DateTime: SQLite cannot order or compare DateTimeOffset, and Npgsql maps UTC DateTime
        // to timestamptz. SQLite hands values back without a Kind, so the converter restores it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
