using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Audit;
using QuizPlatform.Web.Features.QuizResults;

namespace QuizPlatform.Web.Features.Regrading;

/// <summary>
/// Whole-quiz regrades of the answers graded with an older key or an older grader version. A job regrades in
/// batches, each committed with the job's progress, and always picks what is still out of date: a job cut off by a
/// restart resumes where it stood (<see cref="RegradeWorker"/> runs unfinished jobs at start). Overrides keep counting.
/// </summary>
public sealed class RegradeJobs(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock, QuizActivity activity, AuditLog audit,
    GradingEngine engine)
{
    /// <summary>Answers regraded per transaction: progress shows every batch, and a restart loses at most one.</summary>
    public const int BatchSize = 500;

    readonly Channel<int> started = Channel.CreateUnbounded<int>();

    /// <summary>Jobs started since the app started, for the worker.</summary>
    internal ChannelReader<int> Started => started.Reader;

    /// <summary>The quiz's out-of-date grades and its running regrade (else its last one); null when not the actor's quiz.</summary>
    public async Task<OutOfDateGrades?> StatusAsync(string actorId, int quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await ReachableAsync(db, actorId, quizId, cancellationToken))
            return null;
        // One pass over the quiz's grades: the live dashboard asks on every reload.
        var counts = await db.Grades.Where(g => g.Response.Attempt.QuizId == quizId)
            .Select(g => new
            {
                OlderKey = g.KeywordVersion < g.Response.Question.KeywordVersion,
                OlderGrader = g.GraderVersion != Grader.Version,
            })
            .GroupBy(_ => 1)
            .Select(all => new
            {
                OlderKey = all.Count(g => g.OlderKey),
                OlderGrader = all.Count(g => g.OlderGrader),
                Either = all.Count(g => g.OlderKey || g.OlderGrader),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var job = await db.RegradeJobs.AsNoTracking().Where(j => j.QuizId == quizId)
            .OrderBy(j => j.FinishedAt != null).ThenByDescending(j => j.Id)
            .Select(j => new RegradeJobProgress(j.Id, j.Total, j.Done, j.Changed, j.CreatedAt, j.FinishedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return new OutOfDateGrades(counts?.Either ?? 0, counts?.OlderKey ?? 0, counts?.OlderGrader ?? 0, job);
    }

    /// <summary>
    /// Starts a regrade of the quiz's out-of-date grades, or returns the one running; the worker runs it (tests call
    /// <see cref="RunAsync"/>). Null when not the actor's quiz.
    /// </summary>
    public async Task<RegradeJobProgress?> StartAsync(string actorId, int quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await ReachableAsync(db, actorId, quizId, cancellationToken))
            return null;
        var job = await db.RegradeJobs.FirstOrDefaultAsync(j => j.QuizId == quizId && j.FinishedAt == null, cancellationToken);
        if (job is null)
        {
            job = new RegradeJob
            {
                QuizId = quizId, RequestedById = actorId, CreatedAt = clock.GetUtcNow().UtcDateTime,
                Total = await OutOfDate(db, quizId).CountAsync(cancellationToken),
            };
            db.RegradeJobs.Add(job);
            await audit.AddAsync(db, actorId, AuditActions.RegradeApplied, AuditSubject.Quiz(quizId),
                $"Started regrading the quiz's {job.Total} out-of-date grades with its current keys and grader.", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            started.Writer.TryWrite(job.Id);
            activity.Publish(quizId);
        }
        return Progress(job);
    }

    /// <summary>Regrades batch after batch until nothing in the job's quiz is out of date, then marks the job finished.</summary>
    public Task<RegradeJobProgress?> RunAsync(int jobId, CancellationToken cancellationToken = default) =>
        RunAsync(jobId, BatchSize, int.MaxValue, cancellationToken);

    /// <summary>At most <paramref name="batches"/> batches: a test's job cut off as by a restart.</summary>
    internal async Task<RegradeJobProgress?> RunAsync(int jobId, int batchSize, int batches, CancellationToken cancellationToken)
    {
        // Batches in grade order from where the last one ended, so each reads on from there rather than over the
        // whole quiz again; once nothing is left, one pass from the start picks up what went out of date meanwhile.
        var after = 0;
        for (var batchNumber = 0; ; batchNumber++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var job = await db.RegradeJobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
            if (job is null || job.FinishedAt is not null || batchNumber == batches)
                return job is null ? null : Progress(job);
            var now = clock.GetUtcNow().UtcDateTime;
            var batch = await OutOfDate(db, job.QuizId).Where(g => g.Id > after).Include(g => g.Response).OrderBy(g => g.Id).Take(batchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0 && after > 0)
            {
                after = 0;
                continue;
            }
            if (batch.Count == 0)
                job.FinishedAt = now;
            else
                job.Changed += await RegradeAsync(db, job.QuizId, batch, now, cancellationToken);
            job.Done += batch.Count;
            try
            {
                // One SaveChanges is one transaction: the batch and the job's progress together.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // An instructor marked one of the batch meanwhile: read the batch again.
                continue;
            }
            after = batch.Count > 0 ? batch[^1].Id : after;
            activity.Publish(job.QuizId);
            if (job.FinishedAt is not null)
                return Progress(job);
        }
    }

    /// <summary>Runs every unfinished job, oldest first: what a restart interrupted.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        List<int> unfinished;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            unfinished = await db.RegradeJobs.Where(j => j.FinishedAt == null).OrderBy(j => j.Id).Select(j => j.Id).ToListAsync(cancellationToken);
        foreach (var jobId in unfinished)
            await RunAsync(jobId, cancellationToken);
    }

    /// <summary>Regrades the tracked grades with each question's current key; how many counted scores changed.</summary>
    async Task<int> RegradeAsync(QuizDbContext db, int quizId, List<Grade> batch, DateTime now, CancellationToken cancellationToken)
    {
        var questionIds = batch.Select(g => g.Response.QuestionId).Distinct().ToList();
        var assignments = await db.Questions.SelectAssignmentKeys(questionIds).ToListAsync(cancellationToken);
        var questions = assignments.Where(q => questionIds.Contains(q.QuestionId)).ToDictionary(q => q.QuestionId);
        var keys = engine.KeysAmong(assignments, questionIds, withMeaning: true);
        var points = await db.QuizQuestions.Where(q => q.QuizId == quizId && questionIds.Contains(q.QuestionId))
            .ToDictionaryAsync(q => q.QuestionId, q => q.Points, cancellationToken);
        var changed = 0;
        foreach (var byQuestion in batch.GroupBy(g => g.Response.QuestionId))
        {
            var question = questions[byQuestion.Key];
            var grades = byQuestion.ToList();
            var answers = grades.Select(grade => new StoredAnswer(grade.Id, question.QuestionId, "", 0, grade.Response.Text,
                points.GetValueOrDefault(question.QuestionId, grade.MaxPoints), grade.Score, grade.OverrideScore, grade.Explanation)).ToList();
            var regrades = AnswerRegrade.All(engine, keys[question.QuestionId], answers, cancellationToken);
            for (var i = 0; i < grades.Count; i++)
            {
                regrades[i].ApplyTo(grades[i], question.KeywordVersion, null, now, $"Whole-quiz regrade: key v{question.KeywordVersion}, grader {Grader.Version}");
                if (regrades[i].CountedChanged)
                    changed++;
            }
        }
        return changed;
    }

    static IQueryable<Grade> OutOfDate(QuizDbContext db, int quizId) =>
        db.Grades.Where(g => g.Response.Attempt.QuizId == quizId
            && (g.KeywordVersion < g.Response.Question.KeywordVersion || g.GraderVersion != Grader.Version));

    static async Task<bool> ReachableAsync(QuizDbContext db, string actorId, int quizId, CancellationToken cancellationToken) =>
        await (await AnswerRegrade.RegradableAsync(db, actorId, cancellationToken)).AnyAsync(q => q.Id == quizId, cancellationToken);

    static RegradeJobProgress Progress(RegradeJob job) => new(job.Id, job.Total, job.Done, job.Changed, job.CreatedAt, job.FinishedAt);
}
