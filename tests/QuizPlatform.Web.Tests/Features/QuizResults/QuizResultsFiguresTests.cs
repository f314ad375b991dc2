using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Statistics;
using QuizPlatform.Web.Features.QuizResults;
using QuizPlatform.Web.Features.StudentHome;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.QuizResults;

/// <summary>The dashboard's figures, the counted attempt, and the item and concept statistics, on fixtures worked out by hand.</summary>
public sealed class QuizResultsFiguresTests
{
    const int Precision = 9;

    [Theory]
    [InlineData(4, 2, 2, "2 by the student, 2 by the timer")]
    [InlineData(3, 3, 0, "all by the student")] // not "3 by the student, 0 by the timer"
    [InlineData(1, 0, 1, "by the timer")]
    [InlineData(0, 0, 0, null)]
    public void WhoHandedInIsSaidWithoutAPartThatIsNobody(int handedIn, int byStudent, int byTimer, string? expected) =>
        Assert.Equal(expected, new ResultCounts(9, 0, 0, handedIn, byStudent, byTimer, 0, 0, 0).HandedInBy);

    /// <summary>
    /// Q1..Q3 are worth 1, 2 and 3 points. Ann (Algebra and Geometry) 1+2+3 = 6; Ben 0.5 (flagged) + 1 + 1.5 (the
    /// grader gave 0, overridden) = 3; Cal, handed in by the timer, 0+1+0 = 1; Dee past her deadline, not handed in
    /// (the timer's); Eve writing; Fay (Geometry) and Sam (Algebra) not started.
    /// </summary>
    internal static async Task<int> ClassOfSevenAsync(ResultsFixture f)
    {
        var quiz = await f.AddQuizAsync();
        var ann = await f.StudentAsync("Ann", f.AlgebraId, f.GeometryId);
        var ben = await f.StudentAsync("Ben", f.AlgebraId);
        var cal = await f.StudentAsync("Cal", f.AlgebraId);
        var dee = await f.StudentAsync("Dee", f.AlgebraId);
        var eve = await f.StudentAsync("Eve", f.AlgebraId);
        await f.StudentAsync("Fay", f.GeometryId);
        FixtureAnswer Ungraded() => new(null);
        await f.AttemptAsync(quiz, ann, 1, SubmittedBy.Student, [new(1, Hits: "eee"), new(2), new(3)]);
        await f.AttemptAsync(quiz, ben, 1, SubmittedBy.Student,
            [new(0.5, GradeFlags.NeedsReview, Hits: "s-n"), new(1), new(0, GradeFlags.NeedsReview, Override: 1.5)]);
        await f.AttemptAsync(quiz, cal, 1, SubmittedBy.Timer, [new(0, Hits: "---"), new(1), new(0)]);
        await f.AttemptAsync(quiz, dee, 1, null, [Ungraded(), Ungraded(), Ungraded()], startedMinutesAgo: 45);
        await f.AttemptAsync(quiz, eve, 1, null, [Ungraded(), Ungraded(), Ungraded()], startedMinutesAgo: 5);
        return quiz;
    }

    [Theory, AllDatabaseProviders]
    public async Task DashboardCountsEachStudentOnceAndSummarisesTheGradedScores(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await ClassOfSevenAsync(f);

        var data = (await f.Results.LoadAsync(f.Alice, quiz))!;

        Assert.Equal(new ResultCounts(Enrolled: 7, NotStarted: 2, InProgress: 1, HandedIn: 4, HandedInByStudent: 2,
            HandedInByTimer: 2, Graded: 3, FlaggedAnswers: 1, OverriddenAnswers: 1), data.Counts);
        Assert.Equal(["Ann", "Ben", "Cal", "Dee", "Eve", "Fay", "Sam"], data.Students.Select(s => s.Name));
        var ann = data.Students[0];
        Assert.Equal(["Algebra", "Geometry"], ann.Classes);
        Assert.Equal((StudentStatus.Graded, 6.0, 6.0), (ann.Status, ann.Score, ann.MaxPoints));
        var dee = data.Students[3];
        Assert.Equal((StudentStatus.HandedIn, SubmittedBy.Timer, ResultsFixture.Start.AddMinutes(-15)),
            (dee.Status, dee.HandedInBy, dee.HandedInAt));
        Assert.Equal(TimeSpan.FromMinutes(30), dee.TimeUsed);
        Assert.Equal((StudentStatus.InProgress, (double?)null), (data.Students[4].Status, data.Students[4].Score));

        var summary = ScoreSummary.Of(data.Graded);
        Assert.Equal(3, summary.Count);
        Assert.Equal(10.0 / 3, summary.Points!.Mean, Precision);
        Assert.Equal((3.0, 1.0, 6.0), (summary.Points.Median, summary.Points.Lowest, summary.Points.Highest));
        // deviations from 10/3: 8/3, -1/3, -7/3; squares sum to 114/9; / (3 - 1)
        Assert.Equal(Math.Sqrt(114.0 / 9 / 2), summary.Points.StandardDeviation!.Value, Precision);
        Assert.Equal((50.0, 100 / 6.0, 100.0), (summary.Percent!.Median, summary.Percent.Lowest, summary.Percent.Highest));
        Assert.NotNull(summary.Reliability.NotShownBecause);
    }

    [Theory, AllDatabaseProviders]
    public async Task ClassFilterKeepsOnlyThatClassesStudents(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await ClassOfSevenAsync(f);

        var geometry = (await f.Results.LoadAsync(f.Alice, quiz, f.GeometryId))!;

        Assert.Equal(f.GeometryId, geometry.ClassId);
        Assert.Equal(["Ann", "Fay"], geometry.Students.Select(s => s.Name));
        Assert.Equal((2, 1, 1, 0), (geometry.Counts.Enrolled, geometry.Counts.NotStarted, geometry.Counts.Graded, geometry.Counts.FlaggedAnswers));
        Assert.Equal(6.0, ScoreSummary.Of(geometry.Graded).Points!.Mean);
        // A class that is not the quiz's is no filter at all.
        Assert.Null((await f.Results.LoadAsync(f.Alice, quiz, f.Scene.BiologyId))!.ClassId);
    }

    [Theory, AllDatabaseProviders]
    public async Task ItemStatisticsAndConceptRatesComeFromTheStoredGrades(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await ClassOfSevenAsync(f);

        var data = (await f.Results.LoadAsync(f.Alice, quiz))!;
        var items = ItemStatistics.Of(data.Graded);
        var concepts = ConceptHitRates.Of(data.Graded);

        // Q1: Ann 1, Ben 0.5, Cal 0 of 1 point; the rest of the quiz: 5, 2.5, 1.
        var q1 = items[0];
        Assert.Equal((3, 0.5, 0.5), (q1.Count, q1.Mean!.Value, q1.Facility!.Value));
        Assert.Equal(0.5, q1.StandardDeviation!.Value, Precision);
        // (1, 0.5, 0) against (5, 2.5, 1): sxy = 2, sxx = 1/2, syy = 49/6, so r = 2 / sqrt(49/12) = 4 sqrt(3) / 7
        Assert.Equal(4 * Math.Sqrt(3) / 7, q1.Discrimination!.Value, Precision);
        Assert.Equal((1 / 3.0, 0.0), (q1.FlaggedShare!.Value, q1.OverriddenShare!.Value));
        Assert.Equal([ItemWarning.FewAnswers], q1.Warnings);
        // Q3: 3, 1.5 (overridden), 0 of 3: the override counts, and is no longer flagged.
        Assert.Equal((1.5, 0.5), (items[2].Mean!.Value, items[2].Facility!.Value));
        Assert.Equal((0.0, 1 / 3.0), (items[2].FlaggedShare!.Value, items[2].OverriddenShare!.Value));

        var q1Concepts = concepts.Where(c => c.Question == 0).ToList();
        Assert.Equal(["filters", "edges", "weights"], q1Concepts.Select(c => c.Phrase));
        Assert.Equal([2 / 3.0, 1 / 3.0, 1 / 3.0], q1Concepts.Select(c => c.HitShare!.Value));
        Assert.Equal(1 / 3.0, q1Concepts[0].HitShareBy[MatchKind.Stem]);
        Assert.Equal(1 / 3.0, q1Concepts[2].NegatedOnlyShare);
        // Q2 and Q3 answers carry no keyword record: they say nothing about those keys.
        Assert.All(concepts.Where(c => c.Question > 0), c => Assert.Equal(0, c.Count));
        Assert.Equal(["edges", "weights", "filters"], ConceptHitRates.MostMissed(concepts).Select(c => c.Phrase));
    }

    [Theory, AllDatabaseProviders]
    public async Task AQuestionDrawnAtRandomCountsOnlyTheStudentsWhoGotIt(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        var (ann, ben, cal) = (await f.StudentAsync("Ann", f.AlgebraId), await f.StudentAsync("Ben", f.AlgebraId),
            await f.StudentAsync("Cal", f.AlgebraId));
        await f.AttemptAsync(quiz, ann, 1, SubmittedBy.Student, [new(1), new(2), new(3)]);
        await f.AttemptAsync(quiz, ben, 1, SubmittedBy.Student, [new(0), new(1), null]);
        await f.AttemptAsync(quiz, cal, 1, SubmittedBy.Student, [new(1), null, new(1)]);

        var data = (await f.Results.LoadAsync(f.Alice, quiz))!;
        var items = ItemStatistics.Of(data.Graded);

        Assert.Equal([3, 2, 2], items.Select(i => i.Count));
        Assert.Equal([2 / 3.0, 1.5, 2.0], items.Select(i => i.Mean!.Value));
        // Each student is judged on the questions they were given: 6 of 6, 1 of 3, 2 of 4.
        Assert.Equal([6.0, 3.0, 4.0], data.Graded.MaxTotals);
        Assert.Equal(50.0, ScoreSummary.Of(data.Graded).Percent!.Median, Precision);
        // Q1 (1, 0, 1) against the rest (5, 1, 1): r = (4/3) / sqrt(2/3 * 32/3) = 0.5
        Assert.Equal(0.5, items[0].Discrimination!.Value, Precision);
        Assert.Equal("Shown from 30 graded attempts on (3 so far).", ScoreSummary.Of(data.Graded).Reliability.NotShownBecause);
    }

    public static TheoryData<DatabaseProvider, CountedAttempt, double> Rules()
    {
        var data = new TheoryData<DatabaseProvider, CountedAttempt, double>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            data.Add(provider, CountedAttempt.Last, 3);
            data.Add(provider, CountedAttempt.Highest, 5);
            data.Add(provider, CountedAttempt.First, 2);
        }
        return data;
    }

    [Theory, MemberData(nameof(Rules))]
    public async Task TheCountedAttemptIsTheSameOnTheDashboardTheExportAndTheStudentsHome(DatabaseProvider provider,
        CountedAttempt rule, double counted)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync(q => (q.AttemptsAllowed, q.CountedAttempt) = (3, rule));
        var sam = f.Scene.Sam;
        await f.GradedAsync(quiz, sam, 1, 0, 1, 1);
        await f.GradedAsync(quiz, sam, 2, 1, 2, 2);
        await f.GradedAsync(quiz, sam, 3, 1, 1, 1);

        var data = (await f.Results.LoadAsync(f.Alice, quiz))!;
        var student = Assert.Single(data.Students);
        var grades = await ExportReading.CsvAsync(f.App, f.Alice, quiz, "grades");
        var home = Assert.Single(await f.App.Services.GetRequiredService<StudentQuizzes>().ListAsync(sam));

        Assert.Equal((counted, 3), (student.Score!.Value, student.AttemptsUsed));
        Assert.Equal(counted, ScoreSummary.Of(data.Graded).Points!.Mean);
        Assert.Equal(counted.ToString(System.Globalization.CultureInfo.InvariantCulture), grades[1][grades[0].IndexOf("Score")]);
        Assert.Equal(counted, home.Score);
    }

    [Theory, AllDatabaseProviders]
    public async Task TheCountedAttemptSettingSurvivesTheEditorAndACopy(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var authoring = f.Scene.Authoring;
        var form = await f.Scene.AliceFormAsync();
        form.AttemptsAllowed = 3;
        form.CountedAttempt = CountedAttempt.Highest;

        var created = await authoring.CreateAsync(f.Alice, form, "UTC");
        var loaded = await authoring.LoadAsync(f.Alice, created.QuizId!.Value, "UTC");
        var copy = await authoring.CopyAsync(f.Alice, created.QuizId.Value);
        var copied = await authoring.LoadAsync(f.Alice, copy.QuizId!.Value, "UTC");

        Assert.Equal(CountedAttempt.Highest, loaded!.Form.CountedAttempt);
        Assert.Equal(CountedAttempt.Highest, copied!.Form.CountedAttempt);
        loaded.Form.CountedAttempt = CountedAttempt.First;
        await authoring.UpdateAsync(f.Alice, loaded.Id, loaded.Form, "UTC");
        Assert.Equal(CountedAttempt.First, (await authoring.LoadAsync(f.Alice, loaded.Id, "UTC"))!.Form.CountedAttempt);
    }
}
