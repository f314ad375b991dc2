namespace QuizPlatform.Grading.Statistics;

/// <summary>Which of a student's handed-in attempts counts when a quiz allows several.</summary>
public enum CountedAttempt
{
    /// <summary>The latest attempt: the default, and how the platform counted before the setting existed.</summary>
    Last,
    /// <summary>The attempt with the highest score.</summary>
    Highest,
    /// <summary>The first attempt: later ones are practice.</summary>
    First,
}

/// <summary>The one rule for the counted attempt, shared by the dashboard, the student's home and the exports.</summary>
public static class CountedAttempts
{
    /// <summary>
    /// The attempt that counts among <paramref name="handedIn"/> (attempts in progress must not be passed), ordered by
    /// <paramref name="number"/> (the order they were started in); null when there is none. For
    /// <see cref="CountedAttempt.Highest"/>, only graded attempts (a non-null <paramref name="score"/>) compete, and a tie
    /// goes to the earliest attempt, the one that reached the score first; while none is graded it is the latest, so a
    /// page shows "awaiting grading" for the attempt most recently handed in.
    /// </summary>
    public static T? Pick<T>(CountedAttempt rule, IEnumerable<T> handedIn, Func<T, int> number, Func<T, double?> score)
        where T : class
    {
        var ordered = handedIn.OrderBy(number).ToList();
        return rule switch
        {
            CountedAttempt.First => ordered.FirstOrDefault(),
            CountedAttempt.Last => ordered.LastOrDefault(),
            CountedAttempt.Highest => ordered.Where(a => score(a) is not null).MaxBy(a => score(a)!.Value) ?? ordered.LastOrDefault(),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
    }
}
