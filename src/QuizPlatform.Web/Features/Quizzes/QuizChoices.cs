using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Quizzes;

/// <summary>What the quiz editor offers: assignment versions, their questions, the actor's classes and their students.</summary>
public sealed class QuizChoices(IDbContextFactory<QuizDbContext> dbFactory)
{
    public async Task<IReadOnlyList<AssignmentVersionChoice>> AssignmentVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AssignmentVersions
            .Select(v => new { v.Id, v.AssignmentId, v.Assignment.Title, v.Version, Questions = v.Questions.Count, v.ImportedAt })
            .ToListAsync(cancellationToken);
        var latest = rows.GroupBy(r => r.AssignmentId).ToDictionary(g => g.Key, g => g.Max(r => r.Version));
        return rows.OrderBy(r => r.Title, FormattingCulture.Names).ThenByDescending(r => r.Version)
            .Select(r => new AssignmentVersionChoice(r.Id, r.AssignmentId, r.Title, r.Version, r.Questions, latest[r.AssignmentId] == r.Version, r.ImportedAt))
            .ToList();
    }

    /// <summary>A new quiz's form over <paramref name="versionId"/>: all questions, none ticked for a subset, at their default points.</summary>
    public async Task<QuizForm> NewFormAsync(int versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var title = await db.AssignmentVersions.Where(v => v.Id == versionId).Select(v => v.Assignment.Title).SingleOrDefaultAsync(cancellationToken);
        return new QuizForm
        {
            Title = title ?? "", AssignmentVersionId = title is null ? 0 : versionId,
            Questions = await QuestionsOfAsync(db, versionId, cancellationToken),
        };
    }

    public async Task<List<QuestionChoice>> QuestionsOfAsync(int versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await QuestionsOfAsync(db, versionId, cancellationToken);
    }

    public async Task<IReadOnlyList<ClassChoice>> ClassesAsync(string actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var classes = await actor.Classes(db).Select(c => new ClassChoice(c.Id, c.Name, c.ArchivedAt != null)).ToListAsync(cancellationToken);
        return [.. classes.OrderBy(c => c.Name, FormattingCulture.Names)];
    }

    /// <summary>Students of those of <paramref name="classIds"/> the actor may assign to, for accommodations.</summary>
    public async Task<IReadOnlyList<StudentChoice>> StudentsAsync(string actorId, IReadOnlyCollection<int> classIds,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var students = await actor.Classes(db).Where(c => classIds.Contains(c.Id))
            .SelectMany(c => c.Enrollments).Select(e => new { e.StudentId, e.Student.DisplayName, e.Student.Email })
            .Distinct().ToListAsync(cancellationToken);
        return students.Select(s => new StudentChoice(s.StudentId, ApplicationUser.NameOf(s.DisplayName, s.Email)))
            .OrderBy(s => s.Name, FormattingCulture.Names).ToList();
    }

    /// <summary>
    /// The active student account with this email, for an accommodation made before the student joins a class
    /// (accommodations belong to the quiz and the student, not to a class); null when there is none.
    /// </summary>
    public async Task<StudentChoice?> StudentByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = email.Trim().ToUpperInvariant();
        var student = await db.ActiveUsersInRole(Roles.Student).Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken);
        return student is null ? null : new StudentChoice(student.Id, ApplicationUser.NameOf(student.DisplayName, student.Email));
    }

    internal static async Task<List<QuestionChoice>> QuestionsOfAsync(QuizDbContext db, int versionId, CancellationToken cancellationToken)
    {
        var questions = await db.Questions.Where(q => q.AssignmentVersionId == versionId).OrderBy(q => q.Number)
            .Select(q => new { q.Id, q.Number, q.Prompt, q.DefaultPoints }).ToListAsync(cancellationToken);
        return questions.Select(q => new QuestionChoice
        {
            QuestionId = q.Id, Number = q.Number, Prompt = Excerpt(q.Prompt), Points = q.DefaultPoints > 0 ? q.DefaultPoints : 1,
        }).ToList();
    }

    private static string Excerpt(string markdown)
    {
        var flat = string.Join(' ', markdown.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= 160 ? flat : flat[..157] + "…";
    }
}
