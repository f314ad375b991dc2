using Microsoft.AspNetCore.Components.Forms;
using QuizPlatform.Data.Entities;

namespace QuizPlatform.Web.Features.Quizzes;

/// <summary>
/// Writing a plan onto a quiz, and what may no longer change once students have started: anything that decides
/// which questions an attempt holds or what they are worth is fixed, and every time, attempt count, class and
/// accommodation may only grow, so no student who started loses time, attempts or access.
/// </summary>
static class QuizEditRules
{
    public static List<AuthoringError> ChangesThatCorruptAttempts(Quiz quiz, QuizPlan plan, QuizForm form)
    {
        var errors = new List<AuthoringError>();
        void Refuse(object model, string field, string message) => errors.Add(new(new FieldIdentifier(model, field), message));

        var sameQuestions = quiz.Questions.OrderBy(q => q.Position).Select(q => (q.QuestionId, q.Points))
            .SequenceEqual(plan.Questions.Select(q => (q.QuestionId, q.Points)));
        if (quiz.AssignmentVersionId != plan.AssignmentVersionId || quiz.QuestionSelection != plan.Selection
            || quiz.RandomCount != plan.RandomCount || quiz.Shuffle != plan.Shuffle || !sameQuestions)
            Refuse(form, nameof(QuizForm.Questions), "Students have started: the questions, their points, selection and order cannot change.");
        if (plan.OpensAt is { } opens && (quiz.OpensAt is null || opens > quiz.OpensAt))
            Refuse(form, nameof(QuizForm.OpensAt), "Students have started: the open time can only move earlier.");
        if (Shortened(quiz.ClosesAt, plan.ClosesAt))
            Refuse(form, nameof(QuizForm.ClosesAt), "Students have started: the close time can only move later.");
        if (quiz.TimeLimit is null ? plan.TimeLimit is not null : plan.TimeLimit < quiz.TimeLimit)
            Refuse(form, nameof(QuizForm.TimeLimitMinutes), "Students have started: the time limit can only grow.");
        if (plan.Grace < quiz.Grace)
            Refuse(form, nameof(QuizForm.GraceMinutes), "Students have started: the grace period can only grow.");
        if (plan.AttemptsAllowed < quiz.AttemptsAllowed)
            Refuse(form, nameof(QuizForm.AttemptsAllowed), "Students have started: the number of attempts can only grow.");
        if (quiz.Classes.Any(c => !plan.ClassIds.Contains(c.ClassId)))
            Refuse(form, nameof(QuizForm.ClassIds), "Students have started: classes can be added but not removed.");

        var planned = plan.Accommodations.ToDictionary(a => a.StudentId);
        foreach (var existing in quiz.Accommodations)
        {
            var row = form.Accommodations.LastOrDefault(a => a.StudentId == existing.StudentId);
            if (row is null || !planned.TryGetValue(existing.StudentId, out var next))
                Refuse(form, nameof(QuizForm.Accommodations), "Students have started: accommodations can be added or extended but not removed.");
            else if (next.TimeMultiplier < existing.TimeMultiplier || Shortened(existing.ExtendedClosesAt, next.ExtendedClosesAt))
                Refuse(row, nameof(AccommodationForm.TimeMultiplier), $"Students have started: {row.StudentName}'s accommodation can only be extended.");
        }
        return errors;
    }

    /// <summary>A close time moved earlier, or set where there was none (no close time is the longest).</summary>
    private static bool Shortened(DateTime? before, DateTime? after) =>
        before is null ? after is not null : after is not null && after < before;

    public static void Apply(Quiz quiz, QuizPlan plan)
    {
        quiz.Title = plan.Title;
        quiz.AssignmentVersionId = plan.AssignmentVersionId;
        quiz.QuestionSelection = plan.Selection;
        quiz.RandomCount = plan.RandomCount;
        quiz.Shuffle = plan.Shuffle;
        quiz.OnePerPage = plan.OnePerPage;
        quiz.OpensAt = plan.OpensAt;
        quiz.ClosesAt = plan.ClosesAt;
        quiz.TimeLimit = plan.TimeLimit;
        quiz.AttemptsAllowed = plan.AttemptsAllowed;
        quiz.CountedAttempt = plan.CountedAttempt;
        quiz.Grace = plan.Grace;
        quiz.ShowScore = plan.ShowScore;
        quiz.ShowKeywordFeedback = plan.ShowKeywordFeedback;
        quiz.ShowModelAnswer = plan.ShowModelAnswer;
        quiz.ShowMissingKeywordsWhileAttemptsRemain = plan.ShowMissingKeywordsWhileAttemptsRemain;
        quiz.SpotCheckShare = plan.SpotCheckShare;
        quiz.HoldScoresUntilReviewed = plan.HoldScoresUntilReviewed;
        quiz.RegradeRequestWindow = plan.RegradeRequestWindow;

        // Rows are updated in place rather than replaced, so unique indexes never see a row twice.
        Sync(quiz.Questions, plan.Questions, q => q.QuestionId, p => p.QuestionId,
            p => new QuizQuestion { QuestionId = p.QuestionId }, (row, p) => { row.Position = p.Position; row.Points = p.Points; });
        Sync(quiz.Classes, plan.ClassIds, c => c.ClassId, id => id, id => new QuizClass { ClassId = id }, (_, _) => { });
        Sync(quiz.Accommodations, plan.Accommodations, a => a.StudentId, p => p.StudentId,
            p => new Accommodation { StudentId = p.StudentId },
            (row, p) => { row.TimeMultiplier = p.TimeMultiplier; row.ExtendedClosesAt = p.ExtendedClosesAt; });
    }

    private static void Sync<TRow, TPlan, TKey>(List<TRow> rows, IEnumerable<TPlan> wanted, Func<TRow, TKey> rowKey,
        Func<TPlan, TKey> planKey, Func<TPlan, TRow> create, Action<TRow, TPlan> update) where TKey : notnull
    {
        var byKey = wanted.ToDictionary(planKey);
        rows.RemoveAll(row => !byKey.ContainsKey(rowKey(row)));
        var existing = rows.ToDictionary(rowKey);
        foreach (var (key, plan) in byKey)
        {
            if (!existing.TryGetValue(key, out var row))
                rows.Add(row = create(plan));
            update(row, plan);
        }
    }
}
