using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Statistics;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.QuizResults.Export;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>
/// The downloads of a quiz's results (columns in docs/exports.md): grades, a row per student; responses, a row per
/// answer of the counted attempts, streamed from the database; item statistics, a row per question.
/// </summary>
public sealed class QuizExports(IDbContextFactory<QuizDbContext> dbFactory, QuizResults results)
{
    public static readonly string[] Tables = ["grades", "responses", "items"];

    /// <summary>The table, or null when the actor may not see the quiz or there is no such table.</summary>
    public async Task<ExportTable?> TableAsync(string actorId, int quizId, string table, int? classId, CancellationToken cancellationToken)
    {
        var data = await results.LoadAsync(actorId, quizId, classId, table == "responses" ? ResultsDetail.Students : ResultsDetail.Scores, cancellationToken);
        return data is null ? null : table switch
        {
            "grades" => Grades(data),
            "responses" => Responses(data),
            "items" => Items(data),
            _ => null,
        };
    }

    static ExportTable Grades(QuizResultsData data)
    {
        var answersOf = data.GradedStudents.Select((s, i) => (s.StudentId, data.Graded.Attempts[i]))
            .ToDictionary(x => x.StudentId, x => x.Item2);
        string[] columns = ["Student", "Email", "Account", "Classes", "Status", "Attempt id", "Started (UTC)", "Handed in (UTC)", "Handed in by",
            "Score", "Max points", "Percent", .. data.Questions.Select(q => q.Label)];
        return new("Grades", columns, Rows(data.Students.Select(s =>
        {
            var answers = answersOf.GetValueOrDefault(s.StudentId);
            IReadOnlyList<ExportCell> row =
            [
                s.Name, s.Email, s.Deactivated ? "Deactivated" : "Active", s.ClassesText, StudentTable.StatusText(s.Status), (double?)s.AttemptId,
                s.StartedAt, s.HandedInAt, s.HandedInBy is { } by ? WireNames.Of(by) : null, Total(s.Score), s.MaxPoints, Percent(s.Percent),
                .. data.Questions.Select(q => (ExportCell)answers?.Answers[q.Index]?.Score),
            ];
            return row;
        })));
    }

    static ExportTable Items(QuizResultsData data) => new("Question statistics",
        ["Question", "Assignment question", "Points", "Answers", "Mean", "Facility", "Standard deviation", "Discrimination",
         "Empty share", "Flagged share", "Overridden share", "Warnings"],
        Rows(ItemStatistics.Of(data.Graded).Select(item =>
        {
            var question = data.Questions[item.Question];
            IReadOnlyList<ExportCell> row =
            [
                question.Label, (double?)question.Number, question.Points, (double?)item.Count, Statistic(item.Mean),
                Statistic(item.Facility), Statistic(item.StandardDeviation), Statistic(item.Discrimination),
                Share(item.EmptyShare), Share(item.FlaggedShare), Share(item.OverriddenShare), string.Join(" ", item.WarningTexts),
            ];
            return row;
        })));

    // Rounded as the Questions tab shows them (0.40, 33.3 %): a mean then reads like the facility beside it, and no
    // float noise (0.39999999999999997) reaches the file.
    static double? Statistic(double? value) => value is { } v ? Math.Round(v, Formats.StatisticDecimals) : null;
    static double? Share(double? share) => share is { } v ? Math.Round(v, 3) : null;
    // A total adds scores the grader rounds to four decimals: back to four, and the percent to two, so no float noise
    // (0.8999999999999999 points, 14.999999999999998 %) reaches the file either.
    static double? Total(double? total) => total is { } v ? Math.Round(v, 4) : null;
    static double? Percent(double? percent) => percent is { } v ? Math.Round(v, 2) : null;

    ExportTable Responses(QuizResultsData data) => new("Responses",
        ["Student", "Email", "Attempt id", "Question", "Assignment question", "Points", "Answer", "Grader score", "Override score",
         "Override reason", "Score", "Coverage", "Matched keywords", "Missing keywords", "Flags", "Grader version", "Graded (UTC)"],
        ResponseRowsAsync(data));

    /// <summary>
    /// The answers student by student, in the grades table's (name) order, each attempt's in question order: read a
    /// few attempts at a time, so the answers' text and explanations never sit in memory together.
    /// </summary>
    async IAsyncEnumerable<IReadOnlyList<ExportCell>> ResponseRowsAsync(QuizResultsData data,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var students = data.Students.Where(s => s.CountedAttemptId is not null).ToList();
        var questions = data.Questions.ToDictionary(q => q.QuestionId);
        var quizNumbers = data.Questions.Select(q => q.Number).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var batch in students.Chunk(AttemptsPerRead))
        {
            var attemptIds = batch.Select(s => s.CountedAttemptId!.Value).ToList();
            var rows = await db.Responses.AsNoTracking()
                .Where(r => attemptIds.Contains(r.AttemptId))
                .Select(r => new
                {
                    r.AttemptId, r.Position, r.QuestionId, r.Text,
                    Grade = r.Grade == null ? null : new
                    {
                        r.Grade.Score, r.Grade.OverrideScore, r.Grade.OverrideReason, r.Grade.Coverage, r.Grade.Flags,
                        r.Grade.GraderVersion, r.Grade.GradedAt, r.Grade.Explanation,
                    },
                })
                .ToListAsync(cancellationToken);
            foreach (var r in rows.OrderBy(r => attemptIds.IndexOf(r.AttemptId)).ThenBy(r => r.Position))
            {
                var student = batch[attemptIds.IndexOf(r.AttemptId)];
                var question = questions.GetValueOrDefault(r.QuestionId);
                var explanation = r.Grade is null ? null : GradeExplanation.Parse(r.Grade.Explanation);
                var keywords = explanation?.Keywords ?? [];
                yield return
                [
                    student.Name, student.Email, (double?)r.AttemptId, question?.Label, (double?)question?.Number, question?.Points,
                    r.Text, r.Grade?.Score, r.Grade?.OverrideScore, r.Grade?.OverrideReason, r.Grade?.OverrideScore ?? r.Grade?.Score,
                    r.Grade?.Coverage, Phrases(keywords.Where(k => k.Matched)), Phrases(keywords.Where(k => !k.Matched)),
                    r.Grade is null ? null : string.Join(", ", FlagWords.Of(r.Grade.Flags, FlagWords.OtherQuestion(explanation?.OtherQuestionNumber, quizNumbers))),
                    r.Grade?.GraderVersion, r.Grade?.GradedAt,
                ];
            }
        }
    }

    // 20 attempts of 50 answers of a few thousand characters each: a few megabytes at most, and 25 reads for 500 students.
    const int AttemptsPerRead = 20;

    static string Phrases(IEnumerable<ExplainedKeyword> keywords) => string.Join("; ", keywords.Select(k => k.Phrase));

    static async IAsyncEnumerable<IReadOnlyList<ExportCell>> Rows(IEnumerable<IReadOnlyList<ExportCell>> rows)
    {
        foreach (var row in rows)
            yield return row;
        await Task.CompletedTask;
    }
}
