namespace QuizPlatform.Web.Features.Taking;

/// <summary>One of a student's attempts at a quiz, with the grade of each answer (null while ungraded).</summary>
public sealed record StudentAttempt(int Id, int Number, DateTime? Deadline, DateTime? SubmittedAt, IReadOnlyList<GradeFigures?> Grades)
{
    public bool InProgress(DateTime now) => AttemptTimes.InProgress(SubmittedAt, Deadline, now);

    /// <summary>Handed in, or past its deadline: the timer submits such attempts even when the browser is gone.</summary>
    public bool HandedIn(DateTime now) => !InProgress(now);

    public bool Graded => Grades.Count > 0 && Grades.All(g => g is not null);

    /// <summary>The counted score of the whole attempt; only meaningful when <see cref="Graded"/>.</summary>
    public double Score => Grades.Sum(g => g?.CountedScore ?? 0);

    /// <summary>An answer's grade still waits for the instructor's review, so the total may change.</summary>
    public bool Provisional => Grades.Any(g => g?.Provisional == true);

    public double MaxScore => Grades.Sum(g => g?.MaxPoints ?? 0);
}
