namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// One response to grade with the meaning pass: its question's key and <see cref="KeyMeaning"/>, and the questions it
/// is graded among (see <see cref="Grader.Grade(GradingKey, string, double, QuestionSet?)"/>).
/// </summary>
public sealed record MeaningRequest(GradingKey Key, KeyMeaning Meaning, string Response, double Points = 1, QuestionSet? Among = null);

/// <summary>
/// Grading with the meaning pass for callers with many responses (the grading worker, a regrade, <c>quiz grade</c>):
/// each question's <see cref="KeyMeaning"/> is prepared once, and a batch of responses goes to the model in one call,
/// each distinct text once, so the encoder can batch by length. Scores come from <see cref="Grader"/> alone; a
/// response gets the same result alone or in any batch. Thread-safe.
/// </summary>
public sealed class MeaningGrader(Grader grader, ITokenEncoder encoder)
{
    public Grader Grader { get; } = grader ?? throw new ArgumentNullException(nameof(grader));

    public ITokenEncoder Encoder { get; } = encoder ?? throw new ArgumentNullException(nameof(encoder));

    /// <summary>Encodes the model answer and the key's phrases: once per question and key version.</summary>
    public KeyMeaning Prepare(GradingKey key, string modelAnswer, CancellationToken cancellationToken = default) =>
        KeyMeaning.Build(Encoder, key, modelAnswer, cancellationToken);

    /// <summary><see cref="Prepare"/> for many questions (a quiz, a module) with one call to the model.</summary>
    public KeyMeaning[] Prepare(IReadOnlyList<(GradingKey Key, string ModelAnswer)> questions, CancellationToken cancellationToken = default) =>
        KeyMeaning.BuildAll(Encoder, questions, cancellationToken);

    /// <summary>Grades every request, in order, with one call to the model for the batch.</summary>
    /// <exception cref="ResponseTooLongException">A response is longer than the grader allows; nothing was encoded.</exception>
    public GradeResult[] Grade(IReadOnlyList<MeaningRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var request in requests)
            if ((request.Response ?? "").Length > Grader.Options.MaxResponseChars)
                throw new ResponseTooLongException(request.Response!.Length, Grader.Options.MaxResponseChars);
        // Empty answers score 0 whatever the model says: not worth a place in the batch.
        var encoded = MeaningText.EncodeDistinct(Encoder,
            requests.Select(r => r.Response ?? "").Where(r => !string.IsNullOrWhiteSpace(r)), cancellationToken);
        var results = new GradeResult[requests.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var request = requests[i];
            var response = request.Response ?? "";
            results[i] = Grader.Grade(request.Key, response, request.Points, request.Meaning, encoded.GetValueOrDefault(response), request.Among);
        }
        return results;
    }
}
