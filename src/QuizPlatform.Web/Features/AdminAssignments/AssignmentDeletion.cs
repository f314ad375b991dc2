using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Data.Entities;
using QuizPlatform.Importing;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Audit;

namespace QuizPlatform.Web.Features.AdminAssignments;

/// <summary>
/// Deleting an assignment imported by mistake (admins): all its versions, their questions and keywords go. Refused
/// while a quiz is built on any version (the quiz, its attempts and grades need the questions), and while a document in
/// the seeds folder holds one of its versions or a document of its title, as the seeder would import it again at the next
/// start-up.
/// </summary>
public sealed class AssignmentDeletion(IDbContextFactory<QuizDbContext> dbFactory, AssignmentSeeder seeder, AuditLog audit)
{
    /// <summary>What deleting the assignment would take with it, or why it is kept; null for an id that is not stored.</summary>
    public async Task<DeletionCheck?> CheckAsync(string? actorId, int assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureAdmin();
        return await CheckAsync(db, assignmentId, cancellationToken);
    }

    /// <summary>
    /// Deletes the assignment; returns what stopped it, in words, or null when deleted. Throws
    /// <see cref="KeyNotFoundException"/> for an id that is not stored.
    /// </summary>
    public async Task<string?> DeleteAsync(string? actorId, int assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureAdmin();
        var check = await CheckAsync(db, assignmentId, cancellationToken) ?? throw new KeyNotFoundException($"No assignment {assignmentId}.");
        if (check.Refusal is { } refusal)
            return refusal;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int deleted;
        try
        {
            deleted = await db.Assignments
                .Where(a => a.Id == assignmentId && !db.Quizzes.Any(q => q.AssignmentVersion.AssignmentId == assignmentId))
                .ExecuteDeleteAsync(cancellationToken);
        }
        catch (DbException)
        {
            deleted = 0; // a quiz was built on it while it was being deleted: the quiz's key kept the version
        }
        if (deleted == 0)
            return (await CheckAsync(assignmentId, cancellationToken))?.Refusal ?? "A quiz was just built on this assignment, so it is kept.";
        await audit.AddAsync(db, actor.Id, AuditActions.AssignmentDeleted, AuditSubject.Assignment(assignmentId),
            $"Deleted the assignment {check.Title}: {check.WhatGoes}.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    async Task<DeletionCheck?> CheckAsync(int assignmentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CheckAsync(db, assignmentId, cancellationToken);
    }

    async Task<DeletionCheck?> CheckAsync(QuizDbContext db, int assignmentId, CancellationToken cancellationToken)
    {
        var title = await db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.Title).SingleOrDefaultAsync(cancellationToken);
        if (title is null)
            return null;
        var versions = await db.AssignmentVersions.Where(v => v.AssignmentId == assignmentId)
            .Select(v => new { v.Version, v.ContentHash }).ToListAsync(cancellationToken);
        var questions = await db.Questions.CountAsync(q => q.AssignmentVersion.AssignmentId == assignmentId, cancellationToken);
        var keywords = await db.QuestionKeywords.CountAsync(k => k.Question.AssignmentVersion.AssignmentId == assignmentId, cancellationToken);
        var quizzes = (await db.Quizzes.Where(q => q.AssignmentVersion.AssignmentId == assignmentId).Select(q => q.Title)
            .ToListAsync(cancellationToken)).Order(FormattingCulture.Names).ToList();
        // The seeder would bring back a version's document, and any other document of this title (as a new assignment).
        var hashes = versions.Select(v => v.ContentHash).ToHashSet();
        var seeds = (await SeedFilesAsync(cancellationToken))
            .Where(s => hashes.Contains(s.Parsed.ContentHash) || string.Equals(s.Parsed.Assignment?.Title, title, StringComparison.Ordinal))
            .Select(s => s.Path).ToList();
        return new DeletionCheck(assignmentId, title, versions.Count, questions, keywords, quizzes, seeds);
    }

    /// <summary>The seeder's documents, parsed as the seeder parses them.</summary>
    async Task<List<(string Path, ParseResult Parsed)>> SeedFilesAsync(CancellationToken cancellationToken)
    {
        var files = new List<(string, ParseResult)>();
        foreach (var file in seeder.SeedFiles())
            files.Add((file, new AssignmentParser().Parse(await File.ReadAllBytesAsync(file, cancellationToken))));
        return files;
    }
}

/// <summary>What deleting an assignment takes with it, and what keeps it: quizzes built on it, seed documents holding it.</summary>
public sealed record DeletionCheck(int Id, string Title, int Versions, int Questions, int Keywords,
    IReadOnlyList<string> Quizzes, IReadOnlyList<string> SeedFiles)
{
    /// <summary>"2 versions, 6 questions and 41 keywords".</summary>
    public string WhatGoes => Formats.List([Formats.Count(Versions, "version"), Formats.Count(Questions, "question"), Formats.Count(Keywords, "keyword")]);

    public string? Refusal =>
        Quizzes.Count > 0
            ? $"{(Quizzes.Count == 1 ? "The quiz" : "The quizzes")} {Formats.List([.. Quizzes.Select(q => $"“{q}”")])} "
              + $"{(Quizzes.Count == 1 ? "is" : "are")} built on this assignment, so it is kept with {(Quizzes.Count == 1 ? "it" : "them")}."
            : SeedFiles.Count > 0
                ? $"The seeds folder holds this assignment in {Formats.List([.. SeedFiles])}, which would import it again at the next start-up. "
                  + $"Remove {(SeedFiles.Count == 1 ? "that file" : "those files")} first, then delete the assignment."
                : null;
}
