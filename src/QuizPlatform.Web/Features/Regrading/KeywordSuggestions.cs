using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Marks;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Features.Grading;

namespace QuizPlatform.Web.Features.Regrading;

/// <summary>
/// "Add 'pretrained' as an alternative of 'transfer learning': raises 14, lowers 0": a phrase mined from the
/// instructor's marks (<see cref="SynonymSuggestions"/>), what the regrade preview grading by keywords says it would do
/// to the quiz's counted scores (overridden answers keep their override), and the keyword editor opened on that draft with the
/// preview on this quiz, where the instructor applies it or not. <see cref="RaisesOverridden"/> counts the overridden
/// answers whose grader score it would raise under the instructor's mark: when those are all it moves, it changes no
/// score in this quiz, only those of answers like them handed in later.
/// </summary>
public sealed record SuggestedAlternative(string Phrase, string Keyword, int RaisedAnswers, int Raises, int Lowers, int RaisesOverridden,
    string EditorLink)
{
    public bool ChangesScores => Raises + Lowers > 0;
}

/// <summary>The keyword suggestions of one question in one quiz, for its owner and admins.</summary>
public sealed class KeywordSuggestions(IDbContextFactory<QuizDbContext> dbFactory, RegradePreview preview, GradingEngine engine)
{
    /// <summary>Null when the actor may not regrade the quiz or it does not ask the question.</summary>
    public async Task<IReadOnlyList<SuggestedAlternative>?> ForQuestionAsync(string actorId, int quizId, int questionId,
        CancellationToken cancellationToken = default)
    {
        StoredKey key;
        int assignmentId;
        List<HumanMark> marks;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var reachable = await (await AnswerRegrade.RegradableAsync(db, actorId, cancellationToken))
                .AnyAsync(q => q.Id == quizId && q.Questions.Any(x => x.QuestionId == questionId), cancellationToken);
            if (!reachable)
                return null;
            var question = db.Questions.Where(q => q.Id == questionId);
            key = await question.SelectKeys().SingleAsync(cancellationToken);
            assignmentId = await question.Select(q => q.AssignmentVersion.AssignmentId).SingleAsync(cancellationToken);
            marks = [.. (await AnswerRegrade.MarksAsync(db, quizId, questionId, cancellationToken)).Select(m => m.Mark)];
        }
        var compiled = engine.KeyFor(key).Key;
        var mined = SynonymSuggestions.Mine(engine.Grader, compiled, marks);
        if (mined.Count == 0)
            return [];
        var drafts = mined.Select(s => Widened(compiled.Keywords, s)).ToList();
        var previews = await preview.PreviewEachAsync(actorId, quizId, questionId, drafts, keywordsOnly: true, cancellationToken);
        if (previews is null)
            return null;
        // A draft that moves no grade at all, not even under an override, would teach the key nothing.
        return [.. mined.Zip(previews, (s, p) => new SuggestedAlternative(s.Phrase, s.Keyword.Phrase, s.Raised, p.Up, p.Down,
                p.Overridden.Count(r => r.NewScore - r.OldScore > 1e-9), EditorLink(assignmentId, questionId, quizId, s)))
            .Where(s => s.ChangesScores || s.RaisesOverridden > 0)];
    }

    /// <summary>The keywords the suggestion was mined with, the phrase added to its keyword's alternatives.</summary>
    static IReadOnlyList<KeywordDraft> Widened(IReadOnlyList<Keyword> keywords, SynonymSuggestion suggestion) =>
        [.. keywords.Select(k => KeywordDraft.From(ReferenceEquals(k, suggestion.Keyword) ? k with { Alternatives = [.. k.Alternatives, suggestion.Phrase] } : k))];

    /// <summary>The keyword editor with the alternative added (not saved) and its preview on the quiz; back here after an apply.</summary>
    static string EditorLink(int assignmentId, int questionId, int quizId, SynonymSuggestion suggestion) =>
        $"assignments/{assignmentId}/questions/{questionId}/keywords?quiz={quizId}&alternative={Uri.EscapeDataString(suggestion.Phrase)}"
        + $"&for={Uri.EscapeDataString(suggestion.Keyword.Phrase)}&return={Uri.EscapeDataString($"/quizzes/{quizId}/questions/{questionId}")}";
}
