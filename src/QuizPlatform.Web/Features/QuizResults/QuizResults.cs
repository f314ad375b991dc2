using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Statistics;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Taking;

namespace QuizPlatform.Web.Features.QuizResults;

/// <summary>
/// A quiz's results as its instructor sees them, in a fixed number of queries whatever the class size: the quiz, its
/// questions' keys, its students, its attempts, their totals summed by the database, and one compact row per answer of
/// the counted graded attempts (score, flags and the grader's keyword record, never the explanation documents). The
/// quiz's owner and admins only: anyone else (a student, an account deactivated since it signed in) gets null, as for
/// a quiz that does not exist.
/// </summary>
public sealed class QuizResults(IDbContextFactory<QuizDbContext> dbFactory, TimeProvider clock)
{
    /// <param name="detail">How much of <see cref="QuizResultsData.Graded"/> a page needs: less is faster.</param>
    public async Task<QuizResultsData?> LoadAsync(string actorId, int quizId, int? classId = null, ResultsDetail detail = ResultsDetail.Keywords,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Not "EnsureTeaches": a student, or an instructor deactivated while their cookie lives on, gets the same
        // "nothing here" as a stranger to the quiz (a 404), not an exception the page cannot show.
        var actor = await Actor.LoadAsync(db, actorId, cancellationToken);
        var quiz = await actor.Quizzes(db).AsNoTracking().AsSplitQuery()
            .Where(q => q.Id == quizId)
            .Select(q => new
            {
                q.Title, q.CountedAttempt, q.OpensAt, q.ClosesAt,
                Classes = q.Classes.Select(c => new ResultsClass(c.ClassId, c.Class.Name)).ToList(),
                Questions = q.Questions.OrderBy(x => x.Position).Select(x => new { x.QuestionId, x.Question.Number, x.Points }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (quiz is null)
            return null;
        if (classId is not null && quiz.Classes.All(c => c.Id != classId))
            classId = null;

        var classIds = quiz.Classes.Select(c => c.Id).Where(id => classId is null || id == classId).ToList();
        var enrolled = await db.Enrollments.AsNoTracking().Where(e => classIds.Contains(e.ClassId))
            .Select(e => new { e.StudentId, e.Student.DisplayName, e.Student.Email, e.Student.IsActive, e.Class.Name })
            .ToListAsync(cancellationToken);
        var quizAttempts = db.Attempts.AsNoTracking()
            .Where(a => a.QuizId == quizId && (classId == null || db.Enrollments.Any(e => e.ClassId == classId && e.StudentId == a.StudentId)));
        // The totals in one GROUP BY pass over the answers joined to their grades: as six subqueries per attempt they
        // cost 0.8 s for 500 x 50 on PostgreSQL (docs/benchmarks.md, "Results dashboards"). The join is explicit:
        // through the Grade navigation EF turns each aggregate of the group back into a subquery.
        var totals = await (
            from r in db.Responses.AsNoTracking().Where(r => quizAttempts.Any(a => a.Id == r.AttemptId))
            join grade in db.Grades on r.Id equals grade.ResponseId into grades
            from g in grades.DefaultIfEmpty()
            select new
            {
                r.AttemptId,
                Graded = g != null ? 1 : 0,
                Score = g == null ? 0 : g.OverrideScore ?? g.Score,
                MaxPoints = g == null ? 0 : g.MaxPoints,
                Flagged = g != null && g.ReviewedAt == null && (g.Flags & ReviewFlags.Any) != 0 ? 1 : 0,
                Overridden = g != null && g.OverrideScore != null ? 1 : 0,
            })
            .GroupBy(r => r.AttemptId)
            .Select(g => new AttemptTotals(g.Key, g.Count(), g.Sum(r => r.Graded), g.Sum(r => r.Score), g.Sum(r => r.MaxPoints),
                g.Sum(r => r.Flagged), g.Sum(r => r.Overridden)))
            .ToDictionaryAsync(t => t.AttemptId, cancellationToken);
        var attempts = (await quizAttempts
            .Select(a => new
            {
                a.Id, a.StudentId, a.Student.DisplayName, a.Student.Email, a.Student.IsActive, a.Number, a.StartedAt, a.Deadline, a.SubmittedAt, a.SubmittedBy,
            })
            .ToListAsync(cancellationToken))
            .Select(a => new AttemptFigures(a.Id, a.StudentId, a.DisplayName, a.Email ?? "", a.IsActive, a.Number, a.StartedAt, a.Deadline,
                a.SubmittedAt, a.SubmittedBy, totals.GetValueOrDefault(a.Id) ?? new AttemptTotals(a.Id, 0, 0, 0, 0, 0, 0)))
            .ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        var students = Students(quiz.CountedAttempt, enrolled.Select(e => (e.StudentId, e.DisplayName, e.Email ?? "", e.IsActive, e.Name)),
            attempts, now);
        var questionIds = quiz.Questions.Select(q => q.QuestionId).ToList();
        var keys = await db.Questions.Where(q => questionIds.Contains(q.Id)).SelectKeys().ToDictionaryAsync(k => k.QuestionId, cancellationToken);
        var questions = quiz.Questions.Select((q, index) =>
            new ResultsQuestion(index, q.QuestionId, q.Number, q.Points, keys[q.QuestionId].Prompt, keys[q.QuestionId].Keywords)).ToList();
        var gradedStudents = detail == ResultsDetail.Students ? [] : students.Where(s => s.GradedAttemptId is not null).ToList();
        var graded = await GradedQuizAsync(db, questions, gradedStudents, detail == ResultsDetail.Keywords, cancellationToken);
        var open = (quiz.OpensAt is null || quiz.OpensAt <= now) && (quiz.ClosesAt is null || quiz.ClosesAt > now);
        return new QuizResultsData(quizId, quiz.Title, quiz.CountedAttempt, open, [.. quiz.Classes.OrderBy(c => c.Name, FormattingCulture.Names)], classId, questions, students,
            Count(students), graded, gradedStudents, now);
    }

    static List<StudentResult> Students(CountedAttempt rule,
        IEnumerable<(string Id, string Name, string Email, bool Active, string ClassName)> enrolled, List<AttemptFigures> attempts, DateTime now)
    {
        var classesOf = enrolled.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.ToList());
        var attemptsOf = attempts.ToLookup(a => a.StudentId);
        var studentIds = classesOf.Keys.Union(attempts.Select(a => a.StudentId)).ToList();
        return [.. studentIds.Select(id =>
        {
            var mine = attemptsOf[id].ToList();
            var (name, email, active) = classesOf.TryGetValue(id, out var rows) ? (rows[0].Name, rows[0].Email, rows[0].Active)
                : (mine[0].Name, mine[0].Email, mine[0].Active);
            var classes = rows?.Select(r => r.ClassName).Distinct().Order(FormattingCulture.Names).ToList() ?? [];
            var running = mine.FirstOrDefault(a => AttemptTimes.InProgress(a.SubmittedAt, a.Deadline, now));
            var counted = CountedAttempts.Pick(rule, mine.Where(a => a != running), a => a.Number,
                a => a.FullyGraded ? a.Score : null);
            var status = running is not null ? StudentStatus.InProgress
                : counted is null ? StudentStatus.NotStarted
                : counted.FullyGraded ? StudentStatus.Graded
                : StudentStatus.HandedIn;
            var graded = counted is { FullyGraded: true };
            // An attempt past its deadline is the timer's even before the server has handed it in.
            var handedInAt = running is null ? counted?.SubmittedAt ?? counted?.Deadline : null;
            var shown = running ?? counted;
            return new StudentResult(id, ApplicationUser.NameOf(name, email), email, classes, status, mine.Count, shown?.Id,
                counted?.Id, shown?.StartedAt, handedInAt,
                handedInAt is null ? null : counted!.SubmittedBy ?? SubmittedBy.Timer,
                shown is null ? null : (handedInAt ?? now) - shown.StartedAt,
                graded ? counted!.Score : null, graded ? counted!.MaxPoints : null, counted?.Flagged ?? 0, counted?.Overridden ?? 0)
            {
                Deactivated = !active,
            };
        })
        .OrderBy(s => s.Name, FormattingCulture.Names).ThenBy(s => s.Email, StringComparer.Ordinal)];
    }

    static ResultCounts Count(List<StudentResult> students) => new(
        Enrolled: students.Count(s => s.Classes.Count > 0),
        NotStarted: students.Count(s => s.Status == StudentStatus.NotStarted),
        InProgress: students.Count(s => s.Status == StudentStatus.InProgress),
        HandedIn: students.Count(s => s.HandedInAt is not null),
        HandedInByStudent: students.Count(s => s.HandedInBy == SubmittedBy.Student),
        HandedInByTimer: students.Count(s => s.HandedInBy == SubmittedBy.Timer),
        Graded: students.Count(s => s.Status == StudentStatus.Graded),
        FlaggedAnswers: students.Sum(s => s.FlaggedAnswers),
        OverriddenAnswers: students.Sum(s => s.OverriddenAnswers),
        NoLongerEnrolled: students.Count(s => s.Classes.Count == 0));

    /// <summary>The counted graded attempts answer by answer, for the statistics; one query, a few bytes per answer.</summary>
    static async Task<GradedQuiz> GradedQuizAsync(QuizDbContext db, List<ResultsQuestion> questions, List<StudentResult> graded,
        bool keywords, CancellationToken cancellationToken)
    {
        var attemptIds = graded.Select(s => s.GradedAttemptId!.Value).ToList();
        var answers = (await db.Responses.AsNoTracking()
            .Where(r => attemptIds.Contains(r.AttemptId) && r.Grade != null)
            .Select(r => new
            {
                r.AttemptId, r.QuestionId, Score = r.Grade!.OverrideScore ?? r.Grade.Score, r.Grade.Flags,
                Overridden = r.Grade.OverrideScore != null, r.Grade.ReviewedAt, KeywordHits = keywords ? r.Grade.KeywordHits : null,
                // Grades stored before the keyword record existed: their explanation says the same.
                Explanation = keywords && r.Grade.KeywordHits == null ? r.Grade.Explanation : null,
            })
            .ToListAsync(cancellationToken))
            .ToLookup(a => a.AttemptId);
        var indexOf = questions.ToDictionary(q => q.QuestionId, q => q.Index);
        var attempts = graded.Select(student =>
        {
            var row = new AnswerOutcome?[questions.Count];
            foreach (var answer in answers[student.GradedAttemptId!.Value])
            {
                if (!indexOf.TryGetValue(answer.QuestionId, out var index))
                    continue;
                var outcomes = !keywords ? [] : answer.KeywordHits is { } hits ? KeywordHits.Decode(hits) : KeywordHitsOf(answer.Explanation);
                row[index] = new AnswerOutcome(answer.Score, answer.Flags.HasFlag(GradeFlags.Empty),
                    Grade.Provisional(answer.Flags, answer.ReviewedAt), answer.Overridden,
                    outcomes.Length == questions[index].Keywords.Count ? outcomes : []);
            }
            return new GradedAttempt(row);
        }).ToList();
        var keys = questions.Select(q => new QuestionKey(q.Label, q.Points, q.Keywords)).ToList();
        return new GradedQuiz(keys, attempts);
    }

    static KeywordOutcome[] KeywordHitsOf(string? explanation) =>
        explanation is null ? [] : GradeExplanation.Parse(explanation).Outcomes();

    sealed record AttemptTotals(int AttemptId, int Answers, int GradedAnswers, double Score, double MaxPoints, int Flagged, int Overridden);

    sealed record AttemptFigures(
        int Id, string StudentId, string Name, string Email, bool Active, int Number, DateTime StartedAt, DateTime? Deadline,
        DateTime? SubmittedAt, SubmittedBy? SubmittedBy, AttemptTotals Totals)
    {
        public bool FullyGraded => Totals.Answers > 0 && Totals.GradedAnswers == Totals.Answers;
        public double Score => Totals.Score;
        public double MaxPoints => Totals.MaxPoints;
        public int Flagged => Totals.Flagged;
        public int Overridden => Totals.Overridden;
    }
}
