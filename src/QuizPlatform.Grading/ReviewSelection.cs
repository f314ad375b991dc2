namespace QuizPlatform.Grading;

/// <summary>Why an answer is in an instructor's review queue.</summary>
public enum ReviewReason { Flagged, Borderline, SpotCheck }

/// <summary>
/// Which graded answers a review queue holds and in what order: the one rule, used by the queue, the dashboard's
/// count and the hold on students' scores. Flagged answers (<see cref="ReviewFlags"/>), borderline ones (coverage within
/// <see cref="BorderlineBand"/> of the full-marks point) and a stable random share for spot checks. The order is a
/// stable shuffle, so the queue reads the same on every visit and across instructors, but not in students' order.
/// </summary>
public static class ReviewSelection
{
    public const double BorderlineBand = 0.05;
    // 0.75 - 0.7 is 0.05000000000000004 in binary: a coverage on the band's edge is in it.
    const double Tolerance = 1e-9;

    /// <summary>Why the answer is in the queue, or null if it is not.</summary>
    public static ReviewReason? Why(GradeFlags flags, double coverage, int quizId, int responseId, double spotCheckShare,
        double fullMarksCoverage)
    {
        if (ReviewFlags.AskForReview(flags))
            return ReviewReason.Flagged;
        if ((flags & GradeFlags.Empty) == 0 && Math.Abs(coverage - fullMarksCoverage) <= BorderlineBand + Tolerance)
            return ReviewReason.Borderline;
        // A second, independent draw from the order's: the spot-checked answers are not simply the first in the queue.
        if (spotCheckShare > 0 && Draw(quizId, responseId, salt: 0x5EED) % 1_000_000 < spotCheckShare * 1_000_000)
            return ReviewReason.SpotCheck;
        return null;
    }

    /// <summary>The answer's place in the queue's stable random order (smaller first).</summary>
    public static ulong Order(int quizId, int responseId) => Draw(quizId, responseId, salt: 0);

    // SplitMix64 over the pair: stable across processes and versions, unlike string.GetHashCode.
    static ulong Draw(int quizId, int responseId, ulong salt)
    {
        var z = ((ulong)(uint)quizId << 32 | (uint)responseId) + salt + 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
