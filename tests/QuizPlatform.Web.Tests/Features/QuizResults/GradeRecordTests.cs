using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Statistics;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.QuizResults;

/// <summary>Grading stores each grade's flags and keyword record; grades stored without them are read, then filled, from their explanations.</summary>
public sealed class GradeRecordTests
{
    [Theory, AllDatabaseProviders]
    public async Task GradingStoresFlagsAndKeywordHitsThatAgreeWithTheExplanation(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        var attempt = await f.AnswerAndGradeAsync(quiz, f.Scene.Sam, "It learns local filters that detect edges.", "Pooling.", "");

        var grades = await GradesAsync(f, attempt);

        Assert.Equal("ee-", grades[0].KeywordHits);
        Assert.True(grades[2].Flags.HasFlag(GradeFlags.Empty));
        Assert.All(grades, g =>
        {
            var explanation = GradeExplanation.Parse(g.Explanation);
            Assert.Equal(explanation.FlagSet(), g.Flags);
            Assert.Equal(KeywordHits.Encode(explanation.Outcomes()), g.KeywordHits);
        });
    }

    [Theory, AllDatabaseProviders]
    public async Task AGradeWithoutItsRecordIsReadFromItsExplanationAndTheBackfillRestoresIt(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        var ann = await f.StudentAsync("Ann", f.AlgebraId);
        var attempt = await f.AnswerAndGradeAsync(quiz, f.Scene.Sam, "It learns local filters that detect edges.", "Pooling.", "");
        await f.AnswerAndGradeAsync(quiz, ann, "Weights: the filters that find edges.", "", "Overfitting is fitting noise.");
        var graded = await GradesAsync(f, attempt);
        var rates = await ConceptsAsync(f, quiz);

        await using (var db = f.App.Services.CreateDbContext())
            await db.Grades.Where(g => g.Response.AttemptId == attempt)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.KeywordHits, (string?)null).SetProperty(g => g.Flags, GradeFlags.None));

        Assert.Equal(rates, await ConceptsAsync(f, quiz));

        var backfill = ActivatorUtilities.CreateInstance<GradeRecordBackfill>(f.App.Services);
        await backfill.StartAsync(CancellationToken.None);
        await backfill.ExecuteTask!;
        await backfill.StopAsync(CancellationToken.None);

        Assert.Equal(graded.Select(g => (g.Flags, g.KeywordHits)), (await GradesAsync(f, attempt)).Select(g => (g.Flags, g.KeywordHits)));
    }

    static async Task<List<QuizPlatform.Data.Entities.Grade>> GradesAsync(ResultsFixture f, int attemptId)
    {
        await using var db = f.App.Services.CreateDbContext();
        return await db.Grades.AsNoTracking().Where(g => g.Response.AttemptId == attemptId).OrderBy(g => g.Response.Position).ToListAsync();
    }

    static async Task<List<string>> ConceptsAsync(ResultsFixture f, int quizId) =>
        [.. ConceptHitRates.Of((await f.Results.LoadAsync(f.Alice, quizId))!.Graded)
            .Select(c => $"{c.Question}/{c.Phrase}: {c.Count} {c.HitShare} {c.NegatedOnlyShare} {string.Join(",", c.HitShareBy.Values)}")];
}
