using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.Grading;

/// <summary>
/// Gives grades stored before <c>Grade.Flags</c> and <c>Grade.KeywordHits</c> existed their values, read from their
/// explanations, once, in batches, at start-up; after that grading writes them. Until it has run, results pages read
/// such grades' keyword outcomes from the explanation and count them unflagged.
/// </summary>
public sealed class GradeRecordBackfill(IDbContextFactory<QuizDbContext> dbFactory, ILogger<GradeRecordBackfill> logger) : BackgroundService
{
    const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var filled = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                var grades = await db.Grades.Where(g => g.KeywordHits == null).OrderBy(g => g.Id).Take(Batch).ToListAsync(stoppingToken);
                if (grades.Count == 0)
                    break;
                foreach (var grade in grades)
                {
                    var explanation = GradeExplanation.Parse(grade.Explanation);
                    grade.Flags = explanation.FlagSet();
                    grade.KeywordHits = KeywordHits.Encode(explanation.Outcomes());
                }
                await db.SaveChangesAsync(stoppingToken);
                filled += grades.Count;
            }
            if (filled > 0)
                logger.LogInformation("Recorded flags and keyword outcomes of {Count} grades stored by an earlier version.", filled);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may not be migrated yet on a first start (nothing to fill then); the next start tries again.
            logger.LogWarning(e, "Could not record flags and keyword outcomes of earlier grades.");
        }
    }
}
