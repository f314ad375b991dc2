using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;
using Marks = QuizPlatform.Grading.Marks;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// One question's responses, each encoded once by the session's model, graded with what a chosen set of its marks
/// teach (<see cref="Marks.MarkLearning"/>). Without a model, or for keywords given without a model answer, grades
/// by keywords alone and learns nothing.
/// </summary>
public sealed class MarkedQuestion
{
    private readonly Grader _grader;
    private readonly GradingKey _key;
    private readonly KeyMeaning? _meaning;
    private readonly IReadOnlyList<string> _responses;
    private readonly MeaningText[]? _encoded;

    public MarkedQuestion(GradingSession session, GradingKey key, IReadOnlyList<string> responses)
    {
        (_grader, _key, _responses) = (session.Grader, key, responses);
        _meaning = session.MeaningOf(key);
        if (_meaning is null)
            return;
        var encoded = MeaningText.EncodeDistinct(session.Encoder!, responses);
        _encoded = [.. responses.Select(r => encoded[r])];
    }

    /// <summary>The question's meaning with what the marks teach: <c>(response index, share of the points)</c>.</summary>
    public KeyMeaning? Learn(IReadOnlyList<(int Response, double Share)> marks) => _meaning is null ? null
        : Marks.MarkLearning.Learn(_grader, _key, _meaning, [.. marks.Select(m => new Marks.HumanMark(_responses[m.Response], m.Share))],
            [.. marks.Select(m => _encoded![m.Response])]);

    /// <param name="learnt">From <see cref="Learn"/>; null grades with the model answer alone.</param>
    public GradeResult Grade(int response, double points, KeyMeaning? learnt = null) =>
        _grader.Grade(_key, _responses[response], points, learnt ?? _meaning, _encoded?[response]);
}
