using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components.Forms;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading.Statistics;

namespace QuizPlatform.Web.Features.Quizzes;

/// <summary>A validated form, in UTC, ready to be written to a <see cref="Quiz"/>.</summary>
sealed record QuizPlan(
    string Title, int AssignmentVersionId, QuestionSelection Selection, int? RandomCount, bool Shuffle, bool OnePerPage,
    DateTime? OpensAt, DateTime? ClosesAt, TimeSpan? TimeLimit, int AttemptsAllowed, CountedAttempt CountedAttempt, TimeSpan Grace,
    ReviewVisibility ShowScore, ReviewVisibility ShowKeywordFeedback, ReviewVisibility ShowModelAnswer,
    bool ShowMissingKeywordsWhileAttemptsRemain, double SpotCheckShare, bool HoldScoresUntilReviewed, TimeSpan? RegradeRequestWindow,
    IReadOnlyList<PlannedQuestion> Questions, IReadOnlyList<int> ClassIds, IReadOnlyList<PlannedAccommodation> Accommodations);

sealed record PlannedQuestion(int QuestionId, int Position, double Points);

sealed record PlannedAccommodation(string StudentId, double TimeMultiplier, DateTime? ExtendedClosesAt);

/// <summary>
/// What the form may refer to: the version's questions, the classes the actor may assign, and which of the students
/// its accommodations name are active student accounts (joined a class yet or not: an accommodation waits for them).
/// </summary>
sealed record PlanScope(IReadOnlySet<int> VersionQuestionIds, IReadOnlySet<int> AssignableClassIds, IReadOnlySet<string> StudentAccounts);

static class QuizPlanner
{
    /// <summary>Checks the form against the field rules and the scope; returns the plan, or the errors next to their fields.</summary>
    public static (QuizPlan? Plan, List<AuthoringError> Errors) Plan(QuizForm form, TimeZoneInfo zone, PlanScope scope)
    {
        var errors = new List<AuthoringError>();
        void Fail(object model, string field, string message) => errors.Add(new(new FieldIdentifier(model, field), message));

        var annotations = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), annotations, validateAllProperties: true);
        foreach (var result in annotations)
            foreach (var member in result.MemberNames)
                Fail(form, member, result.ErrorMessage ?? "Invalid value.");

        var opens = Utc(form.OpensAt, nameof(QuizForm.OpensAt));
        var closes = Utc(form.ClosesAt, nameof(QuizForm.ClosesAt));
        if (opens is not null && closes is not null && closes <= opens)
            Fail(form, nameof(QuizForm.ClosesAt), "The close time must be after the open time.");

        var selected = form.SelectedQuestions.ToList();
        if (form.AssignmentVersionId > 0 && scope.VersionQuestionIds.Count == 0)
            Fail(form, nameof(QuizForm.AssignmentVersionId), "Choose an assignment version that exists and has questions.");
        if (form.Questions.Any(q => !scope.VersionQuestionIds.Contains(q.QuestionId)))
            Fail(form, nameof(QuizForm.Questions), "A question does not belong to the chosen assignment version.");
        if (selected.Count == 0)
            Fail(form, nameof(QuizForm.Questions), "Pick at least one question.");
        foreach (var question in selected.Where(q => !(q.Points > 0) || double.IsInfinity(q.Points)))
            Fail(question, nameof(QuestionChoice.Points), $"Question {question.Number}: points must be more than 0.");
        if (form.Selection == QuestionSelection.RandomPerStudent)
        {
            if (form.RandomCount is not { } count || count < 1)
                Fail(form, nameof(QuizForm.RandomCount), "Say how many questions each student gets (at least 1).");
            else if (count > selected.Count)
                Fail(form, nameof(QuizForm.RandomCount), $"Each student can get at most the {selected.Count} selected questions.");
        }

        var classIds = form.ClassIds.Distinct().ToList();
        if (classIds.Any(id => !scope.AssignableClassIds.Contains(id)))
            Fail(form, nameof(QuizForm.ClassIds), "You can only assign a quiz to your own current classes.");

        var accommodations = new List<PlannedAccommodation>();
        foreach (var group in form.Accommodations.GroupBy(a => a.StudentId))
        {
            var row = group.Last();
            var label = row.StudentName == "" ? "This student" : row.StudentName;
            if (!scope.StudentAccounts.Contains(row.StudentId))
                Fail(row, nameof(AccommodationForm.StudentId), $"{label} is not an active student account.");
            if (!(row.TimeMultiplier >= 1 && row.TimeMultiplier <= 10))
                Fail(row, nameof(AccommodationForm.TimeMultiplier), "The time multiplier is between 1 and 10 (1.5 = half as much time again).");
            var extended = Utc(row.ExtendedClosesAt, nameof(AccommodationForm.ExtendedClosesAt), row);
            if (extended is not null && closes is not null && extended <= closes)
                Fail(row, nameof(AccommodationForm.ExtendedClosesAt), $"{label}'s close time must be after the quiz's close time.");
            accommodations.Add(new PlannedAccommodation(row.StudentId, row.TimeMultiplier, extended));
        }

        if (errors.Count > 0)
            return (null, errors);
        var position = 0;
        var plan = new QuizPlan(form.Title.Trim(), form.AssignmentVersionId, form.Selection,
            form.Selection == QuestionSelection.RandomPerStudent ? form.RandomCount : null, form.Shuffle, form.OnePerPage,
            opens, closes, form.TimeLimitMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null, form.AttemptsAllowed,
            form.CountedAttempt, TimeSpan.FromMinutes(form.GraceMinutes), form.ShowScore, form.ShowKeywordFeedback, form.ShowModelAnswer,
            form.ShowMissingKeywordsWhileAttemptsRemain, form.SpotCheckPercent / 100, form.HoldScoresUntilReviewed,
            form.RegradeRequestDays is { } days ? TimeSpan.FromDays(days) : null,
            selected.OrderBy(q => q.Number).Select(q => new PlannedQuestion(q.QuestionId, ++position, q.Points)).ToList(),
            classIds, accommodations);
        return (plan, errors);

        DateTime? Utc(DateTime? local, string field, object? model = null)
        {
            if (local is not { } value)
                return null;
            if (QuizTimes.TryToUtc(value, zone, out var utc))
                return utc;
            Fail(model ?? form, field, $"{value:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (the clocks skip it). Pick another time.");
            return null;
        }
    }
}
