using System.Data.Common;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Configurations;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Audit;

namespace QuizPlatform.Web.Features.Quizzes;

/// <summary>
/// Creating, changing and copying quizzes, with every rule the editor shows: field validation, ownership
/// (instructors act on their own quizzes and classes only, admins on all; a quiz the actor may not see is
/// reported missing) and the edit rules once students have started (<see cref="QuizEditRules"/>).
/// </summary>
public sealed class QuizAuthoring(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, AuditLog audit)
{
    public async Task<IReadOnlyList<QuizSummary>> ListAsync(string actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var rows = await actor.Quizzes(db)
            .OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id)
            .Select(q => new
            {
                q.Id, q.Title, Assignment = q.AssignmentVersion.Assignment.Title, q.AssignmentVersion.Version,
                Questions = q.QuestionSelection == QuestionSelection.RandomPerStudent ? q.RandomCount ?? 0 : q.Questions.Count,
                Classes = q.Classes.Select(c => c.Class.Name).ToList(), q.OpensAt, q.ClosesAt,
                Attempts = db.Attempts.Count(a => a.QuizId == q.Id),
                Archived = q.Classes.Any() && q.Classes.All(c => c.Class.ArchivedAt != null),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new QuizSummary(r.Id, r.Title, r.Assignment, r.Version, r.Questions, r.Classes.Order().ToList(),
            r.OpensAt, r.ClosesAt, r.Attempts, r.Archived)).ToList();
    }

    /// <summary>The quiz as the editor shows it, times in <paramref name="timeZoneId"/>; null when the actor may not see it.</summary>
    public async Task<LoadedQuiz?> LoadAsync(string actorId, int quizId, string? timeZoneId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var quiz = await WithParts(actor.Quizzes(db)).AsNoTracking().SingleOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        if (quiz is null)
            return null;
        var zone = QuizTimes.Zone(timeZoneId);
        var form = new QuizForm
        {
            Title = quiz.Title, AssignmentVersionId = quiz.AssignmentVersionId, Selection = quiz.QuestionSelection,
            RandomCount = quiz.RandomCount, Shuffle = quiz.Shuffle, OnePerPage = quiz.OnePerPage,
            OpensAt = QuizTimes.ToLocal(quiz.OpensAt, zone), ClosesAt = QuizTimes.ToLocal(quiz.ClosesAt, zone),
            TimeLimitMinutes = quiz.TimeLimit is { } limit ? (int)limit.TotalMinutes : null, AttemptsAllowed = quiz.AttemptsAllowed,
            CountedAttempt = quiz.CountedAttempt,
            GraceMinutes = (int)quiz.Grace.TotalMinutes, ShowScore = quiz.ShowScore, ShowKeywordFeedback = quiz.ShowKeywordFeedback,
            ShowModelAnswer = quiz.ShowModelAnswer, ShowMissingKeywordsWhileAttemptsRemain = quiz.ShowMissingKeywordsWhileAttemptsRemain,
            SpotCheckPercent = Math.Round(quiz.SpotCheckShare * 100, 1),
            HoldScoresUntilReviewed = quiz.HoldScoresUntilReviewed,
            RegradeRequestDays = quiz.RegradeRequestWindow is { } window ? (int)Math.Ceiling(window.TotalDays) : null,
            ClassIds = quiz.Classes.Select(c => c.ClassId).Order().ToList(),
        };
        var picked = quiz.Questions.ToDictionary(q => q.QuestionId);
        form.Questions = await QuizChoices.QuestionsOfAsync(db, quiz.AssignmentVersionId, cancellationToken);
        foreach (var choice in form.Questions)
        {
            choice.Selected = picked.TryGetValue(choice.QuestionId, out var chosen) && quiz.QuestionSelection != QuestionSelection.All;
            if (chosen is not null)
                choice.Points = chosen.Points;
        }
        form.Accommodations = quiz.Accommodations.Select(a => new AccommodationForm
        {
            StudentId = a.StudentId, StudentName = ApplicationUser.NameOf(a.Student.DisplayName, a.Student.Email),
            TimeMultiplier = a.TimeMultiplier, ExtendedClosesAt = QuizTimes.ToLocal(a.ExtendedClosesAt, zone),
        }).OrderBy(a => a.StudentName, FormattingCulture.Names).ToList();
        return new LoadedQuiz(quiz.Id, form, await db.Attempts.CountAsync(a => a.QuizId == quizId, cancellationToken), quiz.ClosesAt);
    }

    public async Task<AuthoringResult> CreateAsync(string actorId, QuizForm form, string? timeZoneId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var (plan, errors) = QuizPlanner.Plan(form, QuizTimes.Zone(timeZoneId), await ScopeAsync(db, actor, form, [], cancellationToken));
        if (plan is null)
            return new AuthoringResult(AuthoringOutcome.Invalid, null, errors);
        var quiz = new Quiz { CreatedById = actor.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
        QuizEditRules.Apply(quiz, plan);
        db.Quizzes.Add(quiz);
        await audit.SaveNewAsync(db, actor.Id, AuditActions.QuizCreated, () => AuditSubject.Quiz(quiz.Id), $"Created the quiz {quiz.Title}.",
            cancellationToken);
        return AuthoringResult.Success(quiz.Id);
    }

    /// <summary>Saves changes; once attempts exist, only changes that cannot corrupt them are accepted.</summary>
    public async Task<AuthoringResult> UpdateAsync(string actorId, int quizId, QuizForm form, string? timeZoneId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var quiz = await WithParts(actor.Quizzes(db)).SingleOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        if (quiz is null)
            return AuthoringResult.Missing;
        var (plan, errors) = QuizPlanner.Plan(form, QuizTimes.Zone(timeZoneId), await ScopeAsync(db, actor, form, [.. quiz.Classes.Select(c => c.ClassId)], cancellationToken));
        if (plan is null)
            return new AuthoringResult(AuthoringOutcome.Invalid, quizId, errors);
        if (!(plan.ClosesAt <= clock.GetUtcNow().UtcDateTime) && await QuizClosing.ArchivedClassesOpenTo(db, plan.ClassIds, cancellationToken) is { } archived)
            return new AuthoringResult(AuthoringOutcome.Invalid, quizId, [new(new FieldIdentifier(form, nameof(QuizForm.ClosesAt)), archived)]);
        var attempts = await db.Attempts.CountAsync(a => a.QuizId == quizId, cancellationToken);
        if (attempts > 0 && QuizEditRules.ChangesThatCorruptAttempts(quiz, plan, form) is { Count: > 0 } refused)
            return new AuthoringResult(AuthoringOutcome.Locked, quizId, refused,
                $"Students have started {Formats.Count(attempts, "attempt")} on this quiz, so its questions, points and " +
                "selection are fixed, and times, attempts, classes and accommodations can only be extended. Make a copy to change the rest.");
        QuizEditRules.Apply(quiz, plan);
        if (ChangedParts(db, quiz) is { Count: > 0 } changed)
            await audit.AddAsync(db, actor.Id, AuditActions.QuizChanged, AuditSubject.Quiz(quizId),
                $"Changed the quiz {quiz.Title}: {string.Join(", ", changed)}.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return AuthoringResult.Success(quizId);
    }

    /// <summary>A new quiz with the same settings, classes and accommodations, and no attempts: free to edit.</summary>
    public async Task<AuthoringResult> CopyAsync(string actorId, int quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        var source = await WithParts(actor.Quizzes(db)).AsNoTracking().SingleOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        if (source is null)
            return AuthoringResult.Missing;
        var title = $"{source.Title} (copy)";
        // A copy is for another term: its classes are the current ones.
        var sourceClassIds = source.Classes.Select(c => c.ClassId).ToList();
        var archived = await db.Classes.Where(c => sourceClassIds.Contains(c.Id) && c.ArchivedAt != null).Select(c => c.Id).ToListAsync(cancellationToken);
        var copy = new Quiz
        {
            Title = title.Length > Limits.Title ? title[..Limits.Title] : title, AssignmentVersionId = source.AssignmentVersionId,
            CreatedById = actor.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, OpensAt = source.OpensAt, ClosesAt = source.ClosesAt,
            TimeLimit = source.TimeLimit, AttemptsAllowed = source.AttemptsAllowed, CountedAttempt = source.CountedAttempt, Grace = source.Grace,
            QuestionSelection = source.QuestionSelection, RandomCount = source.RandomCount, Shuffle = source.Shuffle,
            OnePerPage = source.OnePerPage, ShowScore = source.ShowScore, ShowKeywordFeedback = source.ShowKeywordFeedback,
            ShowModelAnswer = source.ShowModelAnswer, ShowMissingKeywordsWhileAttemptsRemain = source.ShowMissingKeywordsWhileAttemptsRemain,
            SpotCheckShare = source.SpotCheckShare,
            HoldScoresUntilReviewed = source.HoldScoresUntilReviewed, RegradeRequestWindow = source.RegradeRequestWindow,
            Questions = source.Questions.Select(q => new QuizQuestion { QuestionId = q.QuestionId, Position = q.Position, Points = q.Points }).ToList(),
            Classes = source.Classes.Where(c => !archived.Contains(c.ClassId)).Select(c => new QuizClass { ClassId = c.ClassId }).ToList(),
            Accommodations = source.Accommodations.Select(a => new Accommodation
                { StudentId = a.StudentId, TimeMultiplier = a.TimeMultiplier, ExtendedClosesAt = a.ExtendedClosesAt }).ToList(),
        };
        db.Quizzes.Add(copy);
        await audit.SaveNewAsync(db, actor.Id, AuditActions.QuizCreated, () => AuditSubject.Quiz(copy.Id),
            $"Created the quiz {copy.Title} as a copy of quiz {quizId}.", cancellationToken);
        return AuthoringResult.Success(copy.Id);
    }

    /// <summary>
    /// Deletes a quiz no student has started (made by mistake, or to try the editor): its settings, questions, classes
    /// and accommodations go with it. One that has attempts is kept, with its results: it can be closed instead.
    /// </summary>
    public async Task<AuthoringResult> DeleteAsync(string actorId, int quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = (await Actor.LoadAsync(db, actorId, cancellationToken)).EnsureTeaches();
        if (await actor.Quizzes(db).Where(q => q.Id == quizId).Select(q => q.Title).SingleOrDefaultAsync(cancellationToken) is not { } title)
            return AuthoringResult.Missing;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int deleted;
        try
        {
            deleted = await db.Quizzes.Where(q => q.Id == quizId && !db.Attempts.Any(a => a.QuizId == quizId)).ExecuteDeleteAsync(cancellationToken);
        }
        catch (DbException)
        {
            deleted = 0; // a student started an attempt while it was being deleted: the attempt's key kept the quiz
        }
        if (deleted == 0)
            return new AuthoringResult(AuthoringOutcome.Locked, quizId, [],
                "Students have started this quiz, so it is kept with their attempts and results. Close it instead.");
        await audit.AddAsync(db, actor.Id, AuditActions.QuizDeleted, AuditSubject.Quiz(quizId), $"Deleted the quiz {title}.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AuthoringResult.Success(quizId);
    }

    /// <summary>What an edit changes, in words: "closes at, attempts allowed, classes".</summary>
    private static List<string> ChangedParts(QuizDbContext db, Quiz quiz)
    {
        db.ChangeTracker.DetectChanges();
        var settings = db.Entry(quiz).Properties.Where(p => p.IsModified).Select(p => Words(p.Metadata.Name));
        var parts = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch { QuizQuestion => "questions", QuizClass => "classes", Accommodation => "accommodations", _ => null })
            .OfType<string>();
        return [.. settings.Concat(parts).Distinct()];
    }

    /// <summary>"ShowKeywordFeedback" → "show keyword feedback".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static IQueryable<Quiz> WithParts(IQueryable<Quiz> quizzes) =>
        quizzes.Include(q => q.Questions).Include(q => q.Classes)
            .Include(q => q.Accommodations).ThenInclude(a => a.Student).AsSplitQuery();

    /// <param name="assigned">The classes the quiz has: an archived one stays assignable to it, no other.</param>
    private static async Task<PlanScope> ScopeAsync(QuizDbContext db, Actor actor, QuizForm form, IReadOnlyCollection<int> assigned,
        CancellationToken cancellationToken)
    {
        var questionIds = await db.Questions.Where(q => q.AssignmentVersionId == form.AssignmentVersionId)
            .Select(q => q.Id).ToListAsync(cancellationToken);
        var assignable = await actor.Classes(db).Where(c => c.ArchivedAt == null || assigned.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        var named = form.Accommodations.Select(a => a.StudentId).Distinct().ToList();
        var students = await db.ActiveUsersInRole(Roles.Student).Where(u => named.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        return new PlanScope(questionIds.ToHashSet(), assignable.ToHashSet(), students.ToHashSet());
    }
}
