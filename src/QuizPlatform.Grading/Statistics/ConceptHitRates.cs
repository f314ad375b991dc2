namespace QuizPlatform.Grading.Statistics;

public enum ConceptFlag { None, FreeCredit, MissingAlternative }

/// <summary>
/// One keyword of one question across the class. Shares are of the answers to the question (empty ones included):
/// <see cref="HitShare"/> matched it, split in <see cref="HitShareBy"/> by how; <see cref="NegatedOnlyShare"/> stated
/// it only negated (and so did not earn it). <see cref="RestCorrelation"/> is Pearson's r between hitting it (1 or 0)
/// and the score on the rest of the quiz: null when there is not enough data or everyone (or no one) hit it.
/// </summary>
public sealed record ConceptHitRate(
    int Question, int KeywordIndex, string Phrase, double Weight, bool Required, int Count, double? HitShare,
    IReadOnlyDictionary<MatchKind, double> HitShareBy, double? NegatedOnlyShare, double? RestCorrelation, ConceptFlag Flag)
{
    public const double FreeCreditFrom = 0.95, MissingAlternativeUpTo = 0.05;

    public double? MissShare => 1 - HitShare;

    public string? FlagText => Flag switch
    {
        ConceptFlag.FreeCredit => "Free credit? Nearly every answer has it.",
        ConceptFlag.MissingAlternative => "A missing alternative? Almost no answer has it.",
        _ => null,
    };
}

/// <summary>Which ideas of the keys a class did and did not state, from the grader's record of each answer.</summary>
public static class ConceptHitRates
{
    public const int MostMissedCount = 10;

    /// <summary>Every keyword of every question, question by question in key order.</summary>
    public static IReadOnlyList<ConceptHitRate> Of(GradedQuiz quiz) =>
        quiz.Questions.SelectMany((question, q) => OfQuestion(q, question, quiz.AnswersTo(q).ToArray())).ToArray();

    /// <summary>
    /// The <see cref="MostMissedCount"/> concepts the most answers missed; ties go to the heavier keyword, then to the
    /// earlier question and keyword, so the list is stable. Keywords no one was asked are left out.
    /// </summary>
    public static IReadOnlyList<ConceptHitRate> MostMissed(IEnumerable<ConceptHitRate> concepts) =>
        concepts.Where(c => c.Count > 0).OrderByDescending(c => c.MissShare).ThenByDescending(c => c.Weight)
            .ThenBy(c => c.Question).ThenBy(c => c.KeywordIndex).Take(MostMissedCount).ToArray();

    private static IEnumerable<ConceptHitRate> OfQuestion(int q, QuestionKey question, QuestionAnswer[] answers)
    {
        // An answer without a keyword record (graded with a key since edited) says nothing about this key's keywords.
        answers = [.. answers.Where(a => a.Answer.Keywords.Count > 0)];
        if (answers.FirstOrDefault(a => a.Answer.Keywords.Count != question.Keywords.Count) is { Answer: { } wrong })
            throw new ArgumentException(
                $"Question {q + 1} has {question.Keywords.Count} keywords; an answer records {wrong.Keywords.Count}.", nameof(answers));
        var n = answers.Length;
        var rest = answers.Select(a => a.RestOfQuiz).ToArray();
        var kinds = Enum.GetValues<MatchKind>();
        for (var k = 0; k < question.Keywords.Count; k++)
        {
            // One pass per keyword: 500 answers x 300 keywords must stay well inside a page's time budget.
            var byKind = new int[kinds.Length];
            var hit = new double[n];
            var negatedOnly = 0;
            for (var i = 0; i < n; i++)
            {
                var outcome = answers[i].Answer.Keywords[k];
                if (outcome.How is { } how) { byKind[(int)how]++; hit[i] = 1; }
                else if (outcome.Negated) negatedOnly++;
            }
            double? Share(int count) => n == 0 ? null : (double)count / n;
            var hitShare = Share(byKind.Sum());
            var flag = hitShare >= ConceptHitRate.FreeCreditFrom ? ConceptFlag.FreeCredit
                : hitShare <= ConceptHitRate.MissingAlternativeUpTo ? ConceptFlag.MissingAlternative
                : ConceptFlag.None;
            var keyword = question.Keywords[k];
            yield return new(q, k, keyword.Phrase, keyword.Weight, keyword.Required, n, hitShare,
                kinds.ToDictionary(how => how, how => Share(byKind[(int)how]) ?? 0), Share(negatedOnly),
                Descriptive.Correlation(hit, rest), flag);
        }
    }
}
