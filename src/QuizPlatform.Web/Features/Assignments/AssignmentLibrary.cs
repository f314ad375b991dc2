using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Assignments;

/// <summary>One row of the assignments list: the latest version of an assignment.</summary>
public sealed record AssignmentRow(int Id, string Title, int Version, int QuestionCount, DateTime ImportedAt);

/// <summary>A stored version with its questions and keywords, and every version number of its assignment.</summary>
public sealed record AssignmentShown(AssignmentVersion Version, IReadOnlyList<int> Versions);

/// <summary>The imported assignments as instructors and admins read them; every call checks the actor first.</summary>
public sealed class AssignmentLibrary(IDbContextFactory<QuizDbContext> dbFactory)
{
    public async Task<IReadOnlyList<AssignmentRow>> ListAsync(string actorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureTeaches();
        // The latest version of each assignment, as a correlated subquery (SQLite cannot translate APPLY).
        var rows = await db.AssignmentVersions
            .Where(v => v.Version == db.AssignmentVersions.Where(o => o.AssignmentId == v.AssignmentId).Max(o => o.Version))
            .Select(v => new AssignmentRow(v.AssignmentId, v.Assignment.Title, v.Version, v.Questions.Count, v.ImportedAt))
            .ToListAsync();
        return [.. rows.OrderBy(r => r.Title, FormattingCulture.Names)];
    }

    /// <summary>The version asked for, else the latest; null when the assignment does not exist.</summary>
    public async Task<AssignmentShown?> GetAsync(string actorId, int assignmentId, int? version)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureTeaches();
        var versions = await db.AssignmentVersions.Where(v => v.AssignmentId == assignmentId)
            .OrderBy(v => v.Version).Select(v => v.Version).ToListAsync();
        var wanted = version is { } requested && versions.Contains(requested) ? requested : versions.LastOrDefault();
        var shown = await db.AssignmentVersions.AsNoTracking()
            .Include(v => v.Assignment)
            .Include(v => v.Questions).ThenInclude(q => q.Keywords)
            .AsSplitQuery()
            .SingleOrDefaultAsync(v => v.AssignmentId == assignmentId && v.Version == wanted);
        return shown is null ? null : new AssignmentShown(shown, versions);
    }
}
